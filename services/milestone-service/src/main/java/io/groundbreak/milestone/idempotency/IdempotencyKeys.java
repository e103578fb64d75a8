package io.groundbreak.milestone.idempotency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The idempotency_key table: the first answer per (user, key), kept for the retention period. */
@Component
class IdempotencyKeys {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration retention;

    IdempotencyKeys(JdbcClient jdbc, Clock clock,
                    @Value("${groundbreak.idempotency.retention:P7D}") Duration retention) {
        if (retention.compareTo(Duration.ofDays(7)) < 0) {
            throw new IllegalArgumentException("groundbreak.idempotency.retention must be at least 7 days");
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = retention;
    }

    Optional<StoredAnswer> find(String user, String key) {
        return jdbc.sql("""
                SELECT request_hash, response_status, response_location, response_body
                FROM idempotency_key WHERE user_name = ? AND idempotency_key = ?
                """)
                .params(user, key)
                .query((row, n) -> new StoredAnswer(row.getString(1), row.getInt(2), row.getString(3), row.getString(4)))
                .optional();
    }

    /** @return false when a concurrent request with the same key stored its answer first */
    boolean store(String user, String key, StoredAnswer answer) {
        return jdbc.sql("""
                INSERT INTO idempotency_key (user_name, idempotency_key, request_hash, response_status,
                                             response_location, response_body, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """)
                .params(user, key, answer.requestHash(), answer.status(), answer.location(), answer.body(),
                        Timestamp.from(clock.instant()))
                .update() == 1;
    }

    /** Forgets keys older than the retention period (at least 7 days); runs hourly. */
    @Scheduled(fixedDelayString = "${groundbreak.idempotency.cleanup-interval:PT1H}")
    int deleteExpired() {
        Instant cutoff = clock.instant().minus(retention);
        return jdbc.sql("DELETE FROM idempotency_key WHERE created_at < ?").param(Timestamp.from(cutoff)).update();
    }
}
