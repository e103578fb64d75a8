package io.groundbreak.funnel.funnel.deadletter;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells the database being unavailable (down, restarting, refusing connections, read-only, out of connections,
 * a deadlock or serialization failure) from a failure of the record itself. The first is waited out, never parked.
 */
public final class DatabaseFailures {

    /** SQLSTATE classes of a database that is not answering or cannot take the write now. */
    private static final Set<String> UNAVAILABLE_CLASSES = Set.of(
            "08", // connection exception
            "53", // insufficient resources (too many connections, disk full, out of memory)
            "57", // operator intervention: admin/crash shutdown, cannot connect now, query canceled
            "58", // system error (I/O)
            "40", // transaction rollback: serialization failure, deadlock
            "HV");
    private static final Set<String> UNAVAILABLE_STATES = Set.of(
            "25006", // read_only_sql_transaction: default_transaction_read_only, a hot standby
            "55P03", // lock_not_available
            "55000"); // object_not_in_prerequisite_state (e.g. recovery in progress)

    private DatabaseFailures() {
    }

    /** True when retrying later can succeed without anything else changing. */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransientDataAccessException || t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException || t instanceof TransactionSystemException
                    || t instanceof PessimisticLockingFailureException
                    || t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && unavailableState(sql.getSQLState())) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getNextException() != null && isUnavailable(sql.getNextException())) {
                return true;
            }
        }
        return false;
    }

    /** True when the database refused a write because it is read-only (its sessions must be renewed to notice the end). */
    public static boolean isReadOnly(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && "25006".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static boolean unavailableState(String state) {
        return state != null && (UNAVAILABLE_STATES.contains(state)
                || (state.length() == 5 && UNAVAILABLE_CLASSES.contains(state.substring(0, 2))));
    }
}
