package io.groundbreak.funnel.freshness;

import io.groundbreak.funnel.readmodel.ReadModels;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The freshness of the active read model: read from the database, which every instance writes, so any instance
 * answers for all of them; and the group-wide lag, which covers the partitions of an instance that died too.
 */
@Component
public class FreshnessReader {

    private final JdbcClient jdbc;
    private final ReadModels readModels;
    private final IntakeLag lag;
    private final Clock clock;

    FreshnessReader(JdbcClient jdbc, ReadModels readModels, IntakeLag lag, Clock clock) {
        this.jdbc = jdbc;
        this.readModels = readModels;
        this.lag = lag;
        this.clock = clock;
    }

    /** One index row: the project whose last applied event was recorded last. */
    @Transactional(readOnly = true)
    public Freshness now() {
        readModels.useActive();
        Optional<Newest> newest = jdbc.sql("""
                        SELECT last_recorded_at, last_applied_at FROM applied_sequence
                        WHERE last_recorded_at IS NOT NULL ORDER BY last_recorded_at DESC LIMIT 1""")
                .query((row, number) -> new Newest(row.getObject("last_recorded_at", OffsetDateTime.class).toInstant(),
                        row.getObject("last_applied_at", OffsetDateTime.class).toInstant()))
                .optional();
        return new Freshness(newest.map(Newest::recordedAt).orElse(null), newest.map(Newest::appliedAt).orElse(null),
                lag.recordsBehind(), clock.instant());
    }

    private record Newest(Instant recordedAt, Instant appliedAt) {
    }
}
