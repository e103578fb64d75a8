package io.groundbreak.funnel.funnel.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Which failures are the database being unavailable (waited out) and which are the record's (parked). */
class DatabaseFailuresTest {

    @Test
    void theDatabaseNotAnsweringOrRefusingWritesIsUnavailable() {
        assertThat(DatabaseFailures.isUnavailable(sql("25006", "cannot execute INSERT in a read-only transaction"))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(sql("57P01", "terminating connection due to administrator command"))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(sql("57P03", "the database system is starting up"))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(sql("08006", "An I/O error occurred while sending to the backend"))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(sql("53300", "too many clients already"))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(sql("40P01", "deadlock detected"))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(new CannotGetJdbcConnectionException("no connection",
                new SQLTransientConnectionException("Connection is not available, request timed out")))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(new CannotCreateTransactionException("could not open"))).isTrue();
        assertThat(DatabaseFailures.isReadOnly(sql("25006", "read-only"))).isTrue();
    }

    @Test
    void aFailureOfTheRecordItselfIsNot() {
        assertThat(DatabaseFailures.isUnavailable(new DataIntegrityViolationException("fk",
                sql("23503", "violates foreign key constraint")))).isFalse();
        assertThat(DatabaseFailures.isUnavailable(sql("22021", "invalid byte sequence for encoding \"UTF8\": 0x00"))).isFalse();
        assertThat(DatabaseFailures.isUnavailable(sql("22003", "numeric field overflow"))).isFalse();
        assertThat(DatabaseFailures.isUnavailable(new IllegalStateException("bug"))).isFalse();
        assertThat(DatabaseFailures.isReadOnly(sql("57P01", "terminating"))).isFalse();
    }

    private static UncategorizedSQLException sql(String state, String message) {
        return new UncategorizedSQLException("task", "SQL", new SQLException(message, state));
    }
}
