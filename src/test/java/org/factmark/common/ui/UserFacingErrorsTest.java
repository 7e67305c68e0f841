package org.factmark.common.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.factmark.common.InvalidInputException;
import org.factmark.common.StaleVersionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class UserFacingErrorsTest {

    @Test
    void a_refused_input_shows_the_services_own_words_even_when_wrapped() {
        var wrapped = new RuntimeException("listener failed", new InvalidInputException("The text is empty."));

        assertThat(UserFacingErrors.messageFor(wrapped)).isEqualTo("The text is empty.");
    }

    @Test
    void a_stale_version_says_someone_else_changed_it() {
        assertThat(UserFacingErrors.messageFor(new StaleVersionException("Changed by someone else meanwhile.")))
                .isEqualTo("Changed by someone else meanwhile.");
    }

    @Test
    void a_denied_action_is_explained_without_internals() {
        assertThat(UserFacingErrors.messageFor(new AccessDeniedException("Access Denied for bean x")))
                .isEqualTo("Your account is not allowed to do this.");
    }

    @Test
    void an_unexpected_error_shows_no_stack_trace_or_exception_text() {
        String message = UserFacingErrors.messageFor(new IllegalStateException("org.postgresql.util.PSQLException"));

        assertThat(message).contains("went wrong").doesNotContain("PSQLException").doesNotContain("Exception");
    }

    @Test
    void an_unreachable_database_says_so_and_that_nothing_typed_is_lost() {
        var failure = new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                        new SQLTransientConnectionException("factmark - Connection is not available")));

        assertThat(UserFacingErrors.messageFor(failure)).isEqualTo(
                "The database is not reachable right now; nothing you typed is lost; try again in a moment.");
    }

    @Test
    void a_write_lost_with_its_connection_says_the_database_is_unreachable_even_when_the_rollback_failed_too() {
        var rollbackFailed = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        rollbackFailed.initApplicationException(new DataAccessResourceFailureException("PreparedStatementCallback",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")));

        assertThat(UserFacingErrors.messageFor(rollbackFailed)).isEqualTo(
                "The database is not reachable right now; nothing you typed is lost; try again in a moment.");
    }
}
