package io.ticketing.platform.inbox;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells failures that say nothing about the message (the database is unreachable, restarting, read-only during a
 * failover or out of connections; a lock or serialization conflict) from failures of the message itself. Only the
 * latter may use up a message's deliveries: a database outage longer than the retry budget must not dead-letter
 * every message that was in flight.
 */
final class TransientFailures {

    /**
     * SQLSTATE classes and codes of PostgreSQL that a retry can get past: connection exceptions, insufficient
     * resources, operator intervention (shutdown, restart); serialization failure, deadlock, lock not available;
     * and a read-only transaction, which is what writes meet on a server a failover has just demoted.
     */
    private static final Set<String> TRANSIENT_STATE_CLASSES = Set.of("08", "53", "57");
    private static final Set<String> TRANSIENT_STATES = Set.of("40001", "40P01", "55P03", "25006");

    private TransientFailures() {
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
                    || t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof SQLNonTransientConnectionException || hasTransientState(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasTransientState(Throwable t) {
        if (!(t instanceof SQLException sql) || sql.getSQLState() == null || sql.getSQLState().length() != 5) {
            return false;
        }
        String state = sql.getSQLState();
        return TRANSIENT_STATES.contains(state) || TRANSIENT_STATE_CLASSES.contains(state.substring(0, 2));
    }
}
