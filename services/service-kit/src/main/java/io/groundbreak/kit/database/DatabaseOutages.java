package io.groundbreak.kit.database;

import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Whether a failure means "the database is not there right now" (down, restarting, refusing
 * connections, out of connections, read-only) rather than "this request or this code is wrong". A
 * write that meets an outage is answered 503 with Retry-After (never 500), a consumer waits and
 * retries (never parks). Looks through the whole cause chain, because the same outage reaches the
 * caller wrapped differently on each path: Spring's {@code CannotCreateTransactionException} (no
 * connection at transaction begin), {@code DataAccessResourceFailureException},
 * {@code TransactionSystemException} (lost at commit), Hibernate's {@code JDBCConnectionException},
 * Axon's {@code EventStoreException} / {@code CommandExecutionException}, JPA's
 * {@code PersistenceException}, and at the bottom the driver's {@link SQLException}.
 * <p>
 * Recognised by class name, so that this kit needs neither Spring JDBC, Hibernate nor Axon:
 * <ul>
 *   <li>{@link java.sql.SQLTransientConnectionException} (HikariCP: no connection within its
 *       connection-timeout) and {@link java.sql.SQLNonTransientConnectionException};</li>
 *   <li>any {@link SQLException} whose SQLState is of class {@code 08} (connection exception:
 *       refused, broken), {@code 57P} (operator intervention: admin shutdown, crash shutdown, cannot
 *       connect now, database dropped), {@code 53} (insufficient resources: too many connections, disk
 *       full, out of memory), {@code 25006} (read-only SQL transaction: {@code default_transaction_read_only},
 *       a standby); not {@code 40001}/{@code 40P01} (serialization failure, deadlock): those are one
 *       transaction's bad luck, to be retried at once, not an outage;</li>
 *   <li>HikariCP's "Connection is closed" (a connection the pool closed under a running transaction);</li>
 *   <li>Spring's {@code CannotCreateTransactionException}, {@code DataAccessResourceFailureException}
 *       (and its subclass {@code CannotGetJdbcConnectionException}), Hibernate's {@code JDBCConnectionException}.</li>
 * </ul>
 * A consumer asks {@link #isRetryable(Throwable)} instead: an outage, or a transaction that lost a race, both of
 * which trying the same record again fixes; parking it would not.
 */
public final class DatabaseOutages {

    private static final Set<String> OUTAGE_TYPES = Set.of(
            "org.springframework.transaction.CannotCreateTransactionException",
            "org.springframework.dao.DataAccessResourceFailureException",
            "org.springframework.dao.TransientDataAccessResourceException",
            "org.hibernate.exception.JDBCConnectionException",
            "java.sql.SQLTransientConnectionException",
            "java.sql.SQLNonTransientConnectionException");

    private DatabaseOutages() {
    }

    public static boolean isOutage(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable cause = failure; cause != null && seen.put(cause, Boolean.TRUE) == null; cause = cause.getCause()) {
            if (isOutageType(cause.getClass())) {
                return true;
            }
            if (cause instanceof SQLException sql && (isOutageState(sql) || isClosedUnderUs(sql))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether trying the same work again can succeed with nothing else changed: an {@linkplain #isOutage outage},
     * or the transaction lost a race to another one, {@code 40001} (serialization failure) or {@code 40P01}
     * (deadlock; two consumers' transactions locking the same rows in a different order). A consumer waits and
     * retries these and never parks a record for them; a request meets them as 503 with Retry-After.
     */
    public static boolean isRetryable(Throwable failure) {
        return isOutage(failure) || anySqlState(failure, DatabaseOutages::isLostRace);
    }

    /**
     * Whether the database refused a write because it is read-only ({@code 25006}: {@code default_transaction_read_only},
     * a standby). A pooled session keeps the setting it was opened with: the pool's connections must be renewed
     * to see the database writable again.
     */
    public static boolean isReadOnly(Throwable failure) {
        return anySqlState(failure, "25006"::equals);
    }

    private static boolean isLostRace(String sqlState) {
        return "40001".equals(sqlState) || "40P01".equals(sqlState);
    }

    /** Whether a SQLException in the cause chain (or its next exceptions) has a SQLState {@code test} accepts. */
    private static boolean anySqlState(Throwable failure, Predicate<String> test) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable cause = failure; cause != null && seen.put(cause, Boolean.TRUE) == null; cause = cause.getCause()) {
            int depth = 0;
            for (SQLException sql = cause instanceof SQLException s ? s : null; sql != null && depth < 10;
                 sql = sql.getNextException(), depth++) {
                if (sql.getSQLState() != null && test.test(sql.getSQLState())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** SQLState of an outage, looking through {@link SQLException#getNextException()} too (batch failures). */
    private static boolean isOutageState(SQLException failure) {
        int depth = 0;
        for (SQLException sql = failure; sql != null && depth < 10; sql = sql.getNextException(), depth++) {
            if (isOutageState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * HikariCP's "Connection is closed" (no SQLState): the pool closed the connection under a running
     * transaction because the server broke it (terminated, restarted). Recognised by where it was thrown.
     */
    private static boolean isClosedUnderUs(SQLException failure) {
        StackTraceElement[] trace = failure.getStackTrace();
        return failure.getSQLState() == null && trace.length > 0
                && trace[0].getClassName().startsWith("com.zaxxer.hikari.pool.ProxyConnection");
    }

    /** Whether a SQLState (PostgreSQL's codes, Appendix A) means the database is unavailable or read-only. */
    public static boolean isOutageState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P") || sqlState.startsWith("53")
                || sqlState.equals("25006"));
    }

    private static boolean isOutageType(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (OUTAGE_TYPES.contains(c.getName())) {
                return true;
            }
        }
        return false;
    }
}
