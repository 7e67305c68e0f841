package org.factmark.common.db;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells "the database is unreachable, stalled or too slow right now" apart from every other error,
 * wherever it surfaces (a repository, a commit, the sign-in's user lookup), so that clients hear
 * "try again in a moment" (503) instead of "sign in again" (401) or "our bug" (500).
 */
public final class DatabaseUnavailable {

    /** What a person in the UI is told; the form they typed into stays open. */
    public static final String MESSAGE = "The database is not reachable right now; nothing you typed is lost; "
            + "try again in a moment.";
    /** What an API client is told (the problem detail of a 503). */
    public static final String DETAIL = "The database is not reachable right now; try again in a moment. "
            + "Send an Idempotency-Key with a POST that creates, and a retry never creates twice.";
    /** Seconds a client should wait before trying again (the {@code Retry-After} header). */
    public static final String RETRY_AFTER_SECONDS = "5";

    private DatabaseUnavailable() {
    }

    public static boolean isCause(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException // includes CannotGetJdbcConnectionException
                    || cause instanceof TransientDataAccessResourceException
                    || cause instanceof QueryTimeoutException
                    || cause instanceof RecoverableDataAccessException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientConnectionException // the pool's wait ran out
                    || cause instanceof SQLTimeoutException
                    || cause instanceof ConnectException
                    || cause instanceof SocketTimeoutException) {
                return true;
            }
            if (cause instanceof SQLException sql && unavailableState(sql.getSQLState())) {
                return true;
            }
            // A write that failed on a lost connection, whose rollback then failed too: the rollback's
            // error ("Connection is closed") carries no state, the write's error tells what happened.
            if (cause instanceof TransactionSystemException rollbackFailed
                    && rollbackFailed.getApplicationException() != null
                    && isCause(rollbackFailed.getApplicationException())) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /**
     * PostgreSQL's classes for a lost connection (08), too many connections or no space (53), and a
     * statement cancelled by statement_timeout or an administrator's shutdown (57014, 57P01-57P03).
     */
    private static boolean unavailableState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("53") || state.equals("57014")
                || state.startsWith("57P"));
    }
}
