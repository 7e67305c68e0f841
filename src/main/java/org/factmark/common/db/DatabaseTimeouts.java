package org.factmark.common.db;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * One set of timeouts for every connection pool, the embedded database's (built by hand) and an
 * external one (built by Spring Boot), so that neither an outage nor a stalled database holds a
 * request for longer than these (docs/decisions/0011). Each is a property under
 * {@code factmark.database}; the LISTEN connection of the live feed copies the driver's settings.
 *
 * @param poolWait how long a request waits for a connection from the pool
 * @param connectTimeout how long opening and signing in to a new connection may take
 * @param socketTimeout how long the driver waits for any answer from the database; longer than the
 *        statement timeout, so that a slow query is cancelled by the server (the connection lives on)
 *        and only a stalled or unreachable server is cut off by the driver
 * @param statementTimeout how long one statement may run on the server
 */
public record DatabaseTimeouts(
        @DefaultValue("3s") Duration poolWait,
        @DefaultValue("3s") Duration connectTimeout,
        @DefaultValue("20s") Duration socketTimeout,
        @DefaultValue("15s") Duration statementTimeout) {
    // Each may be 0 for no limit (the benchmarks' data generators use that), except the pool's wait.

    /** Applies the timeouts to each Hikari pool before it opens its first connection. */
    @Component
    static class ToEveryPool implements BeanPostProcessor, EnvironmentAware {

        private DatabaseTimeouts timeouts;

        @Override
        public void setEnvironment(Environment environment) {
            timeouts = Binder.get(environment).bindOrCreate("factmark.database", DatabaseTimeouts.class);
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (bean instanceof HikariDataSource pool) {
                timeouts.applyTo(pool);
            }
            return bean;
        }
    }

    void applyTo(HikariDataSource pool) {
        if (pool.isRunning()) {
            // Hikari seals a started pool's driver settings: it would run without these limits.
            throw new IllegalStateException("The pool " + pool.getPoolName() + " opened a connection before its "
                    + "timeouts were applied; open none while building the data source.");
        }
        pool.setConnectionTimeout(poolWait.toMillis());
        // A borrowed connection is checked first; a dead one must not use up the whole wait.
        pool.setValidationTimeout(Math.max(250, Math.min(1000, poolWait.toMillis() / 2)));
        pool.addDataSourceProperty("connectTimeout", seconds(connectTimeout));
        pool.addDataSourceProperty("loginTimeout", seconds(connectTimeout));
        pool.addDataSourceProperty("socketTimeout", seconds(socketTimeout));
        // Finds a peer that vanished without a word (a cut cable, a frozen host) on idle connections.
        pool.addDataSourceProperty("tcpKeepAlive", "true");
        pool.addDataSourceProperty("options", "-c statement_timeout=" + statementTimeout.toMillis());
    }

    /** The driver counts whole seconds (0 for no limit), so a limit under a second is rounded up. */
    private static String seconds(Duration duration) {
        return String.valueOf((duration.toMillis() + 999) / 1000);
    }
}
