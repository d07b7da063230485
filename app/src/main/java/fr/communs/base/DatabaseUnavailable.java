package fr.communs.base;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells whether an exception means "the database cannot be reached or does not answer in time" (as opposed to a bug
 * or a refused action): no connection within the pool's timeout, connection lost, server shutting down or
 * restarting, statement cancelled by its timeout. Such a failure is temporary: the person is told the service is
 * briefly unavailable and the action can be tried again.
 */
public final class DatabaseUnavailable {
    public static final String TITLE = "Service momentanément indisponible";

    private DatabaseUnavailable() {
    }

    public static boolean isCause(Throwable error) {
        return isCause(error, 0);
    }

    private static boolean isCause(Throwable error, int depth) {
        if (depth > 5) {
            return false;
        }
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // A failed rollback on a lost connection replaces the first failure ("application exception overridden
            // by rollback exception"): the first failure says what happened.
            if (t instanceof TransactionSystemException tse && tse.getApplicationException() != null
                    && isCause(tse.getApplicationException(), depth + 1)) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (isCause(suppressed, depth + 1)) {
                    return true;
                }
            }
            if (t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
                    || t instanceof QueryTimeoutException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && unavailable(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLSTATE class 08 (connection exception), 57P01–57P03 (admin or crash shutdown, cannot connect now), 57014
     * (statement cancelled by statement_timeout).
     */
    private static boolean unavailable(String state) {
        return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                || state.equals("57014");
    }
}
