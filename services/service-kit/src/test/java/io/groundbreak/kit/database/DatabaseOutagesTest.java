package io.groundbreak.kit.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseOutagesTest {

    @Test
    void connectionReadOnlyShutdownAndResourceStatesAreOutagesWhateverWrapsThem() {
        for (String state : new String[] {"08001", "08006", "08003", "57P01", "57P02", "57P03", "53300", "25006"}) {
            SQLException sql = new SQLException("failed", state);
            assertThat(DatabaseOutages.isOutage(sql)).as(state).isTrue();
            assertThat(DatabaseOutages.isOutage(new IllegalStateException("wrapped", new RuntimeException(sql)))).as(state).isTrue();
        }
        assertThat(DatabaseOutages.isOutage(new RuntimeException(
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 3000ms")))).isTrue();
        SQLException batch = new SQLException("Batch entry 0 was aborted", "24000");
        batch.setNextException(new SQLException("cannot execute INSERT in a read-only transaction", "25006"));
        assertThat(DatabaseOutages.isOutage(batch)).isTrue();
        SQLException closedUnderUs = new SQLException("Connection is closed");
        closedUnderUs.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("com.zaxxer.hikari.pool.ProxyConnection$ClosedConnection", "lambda$getClosedConnection$0", null, 559)});
        assertThat(DatabaseOutages.isOutage(new RuntimeException("Unable to rollback", closedUnderUs))).isTrue();
        assertThat(DatabaseOutages.isOutage(new SQLException("Connection is closed"))).isFalse();
    }

    @Test
    void constraintViolationsSyntaxErrorsDeadlocksAndOtherFailuresAreNot() {
        for (String state : new String[] {"23505", "23502", "42601", "40001", "40P01", "22021", null}) {
            assertThat(DatabaseOutages.isOutage(new RuntimeException(new SQLException("failed", state)))).as(state).isFalse();
        }
        assertThat(DatabaseOutages.isOutage(new IllegalArgumentException("no"))).isFalse();
        RuntimeException cycle = new RuntimeException("a");
        RuntimeException other = new RuntimeException("b", cycle);
        cycle.initCause(other);
        assertThat(DatabaseOutages.isOutage(cycle)).isFalse();
    }

    @Test
    void aConsumerAlsoRetriesATransactionThatLostARaceButNotTheRecordsOwnFailures() {
        for (String state : new String[] {"40001", "40P01", "08006", "57P01", "53300", "25006"}) {
            assertThat(DatabaseOutages.isRetryable(new RuntimeException("wrapped", new SQLException("failed", state)))).as(state).isTrue();
        }
        SQLException batch = new SQLException("Batch entry 3 was aborted", "24000");
        batch.setNextException(new SQLException("deadlock detected", "40P01"));
        assertThat(DatabaseOutages.isRetryable(new RuntimeException(batch))).isTrue();
        assertThat(DatabaseOutages.isRetryable(new RuntimeException(
                new SQLTransientConnectionException("Connection is not available, request timed out")))).isTrue();
        for (String state : new String[] {"23503", "23505", "22021", "22003", "42P01", null}) {
            assertThat(DatabaseOutages.isRetryable(new RuntimeException(new SQLException("failed", state)))).as(state).isFalse();
        }
        assertThat(DatabaseOutages.isRetryable(new IllegalStateException("bug"))).isFalse();
    }

    @Test
    void readOnlyIsTheRefusedWriteOnlyWhereverItIsInTheChain() {
        assertThat(DatabaseOutages.isReadOnly(new RuntimeException(new SQLException("cannot execute INSERT in a read-only transaction", "25006")))).isTrue();
        SQLException batch = new SQLException("Batch entry 0 was aborted", "24000");
        batch.setNextException(new SQLException("cannot execute INSERT in a read-only transaction", "25006"));
        assertThat(DatabaseOutages.isReadOnly(batch)).isTrue();
        assertThat(DatabaseOutages.isReadOnly(new SQLException("terminating connection due to administrator command", "57P01"))).isFalse();
        assertThat(DatabaseOutages.isReadOnly(new SQLException("deadlock detected", "40P01"))).isFalse();
        RuntimeException cycle = new RuntimeException("a");
        cycle.initCause(new RuntimeException("b", cycle));
        assertThat(DatabaseOutages.isReadOnly(cycle)).isFalse();
        assertThat(DatabaseOutages.isRetryable(cycle)).isFalse();
    }
}
