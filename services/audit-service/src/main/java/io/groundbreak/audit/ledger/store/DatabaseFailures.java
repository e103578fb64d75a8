package io.groundbreak.audit.ledger.store;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Which failures are the database's, not the record's: it is down, unreachable, restarting, refusing
 * connections or writes (read-only), out of resources, or a transaction lost a race. Waiting fixes them;
 * parking the record would not.
 */
public final class DatabaseFailures {

    /**
     * SQLSTATE classes and codes: 08 connection exception, 53 insufficient resources, 57 operator intervention
     * (shutdown, cannot connect now), 58 system error, 25006 read-only transaction, 40001 serialization
     * failure, 40P01 deadlock, 55000 the database does not accept connections, 55P03 lock not available,
     * 3D000 database does not exist (yet), 28000/28P01 login refused (credentials being rotated).
     */
    private static final Set<String> CLASSES = Set.of("08", "53", "57", "58");
    private static final Set<String> CODES = Set.of("25006", "40001", "40P01", "55000", "55P03", "3D000", "28000", "28P01");

    private DatabaseFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof CannotGetJdbcConnectionException || cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
                    || cause instanceof PessimisticLockingFailureException
                    || cause instanceof SQLTransientException || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (CODES.contains(state) || (state.length() >= 2 && CLASSES.contains(state.substring(0, 2)))) {
                    return true;
                }
            }
        }
        return false;
    }
}
