package io.groundbreak.funnel.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.kit.database.DatabaseOutages;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Which failures, as Spring JDBC hands them to the consumer, are the database being unavailable (waited out) and
 * which are the record's (parked): service-kit's {@link DatabaseOutages#isRetryable} and {@link DatabaseOutages#isReadOnly}.
 */
class DatabaseFailuresTest {

    @Test
    void theDatabaseNotAnsweringOrRefusingWritesIsUnavailable() {
        assertThat(DatabaseOutages.isRetryable(sql("25006", "cannot execute INSERT in a read-only transaction"))).isTrue();
        assertThat(DatabaseOutages.isRetryable(sql("57P01", "terminating connection due to administrator command"))).isTrue();
        assertThat(DatabaseOutages.isRetryable(sql("57P03", "the database system is starting up"))).isTrue();
        assertThat(DatabaseOutages.isRetryable(sql("08006", "An I/O error occurred while sending to the backend"))).isTrue();
        assertThat(DatabaseOutages.isRetryable(sql("53300", "too many clients already"))).isTrue();
        assertThat(DatabaseOutages.isRetryable(sql("40P01", "deadlock detected"))).isTrue();
        assertThat(DatabaseOutages.isRetryable(new CannotGetJdbcConnectionException("no connection",
                new SQLTransientConnectionException("Connection is not available, request timed out")))).isTrue();
        assertThat(DatabaseOutages.isRetryable(new CannotCreateTransactionException("could not open"))).isTrue();
        assertThat(DatabaseOutages.isReadOnly(sql("25006", "read-only"))).isTrue();
    }

    @Test
    void aFailureOfTheRecordItselfIsNot() {
        assertThat(DatabaseOutages.isRetryable(new DataIntegrityViolationException("fk",
                sql("23503", "violates foreign key constraint")))).isFalse();
        assertThat(DatabaseOutages.isRetryable(sql("22021", "invalid byte sequence for encoding \"UTF8\": 0x00"))).isFalse();
        assertThat(DatabaseOutages.isRetryable(sql("22003", "numeric field overflow"))).isFalse();
        assertThat(DatabaseOutages.isRetryable(new IllegalStateException("bug"))).isFalse();
        assertThat(DatabaseOutages.isReadOnly(sql("57P01", "terminating"))).isFalse();
    }

    private static UncategorizedSQLException sql(String state, String message) {
        return new UncategorizedSQLException("task", "SQL", new SQLException(message, state));
    }
}
