package org.factmark.common.db;

import java.sql.SQLException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.springframework.stereotype.Component;

/**
 * Lifts the statement and socket timeouts ({@link DatabaseTimeouts}) for each migration: they bound
 * requests, while a migration over a large desk's data (rebuilding summaries of a million claims)
 * legitimately runs for minutes. Transaction-local, so the pooled connection keeps its limits.
 */
@Component
class UnboundedMigrations implements Callback {

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_EACH_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try (var statement = context.getConnection().createStatement()) {
            statement.execute("set local statement_timeout = 0");
            // The pool sets its socket timeout again when the connection comes back.
            context.getConnection().setNetworkTimeout(Runnable::run, 0);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not lift the timeouts for a migration", e);
        }
    }

    @Override
    public String getCallbackName() {
        return "unbounded-migrations";
    }
}
