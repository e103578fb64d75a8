package io.groundbreak.bench;

import java.util.Locale;

/**
 * How much each phase does. SMOKE proves in seconds that every figure is produced (it runs in
 * {@code mvn verify}); FULL gives figures worth comparing, in minutes.
 *
 * @param clients            concurrent district clients for ingest, and JDBC connections for the raw insert limit
 * @param rawJdbcSeconds     how long each raw insert measurement runs
 * @param rawKafkaRecords    records produced, then consumed, for the raw Kafka limits
 * @param warmUpSeconds      ingest before the measured window, so that the JIT has compiled the hot paths
 * @param ingestSeconds      the measured ingest window
 * @param freshnessSeconds   how long probes run under half of the measured maximum load
 * @param backlogEvents      events written while Kafka is down, then published as one backlog
 * @param funnelProjects     projects bulk-loaded into the read model for the query figure
 * @param funnelQueries      timed queries per kind of filter (after as many again to warm up)
 * @param quickStart         start the JVMs (services, broker) for a quick start (C1 only, serial GC) rather
 *                           than for throughput: the smoke run checks that figures come out, not how fast
 */
public record BenchSize(String name, int clients, int rawJdbcSeconds, int rawKafkaRecords, int warmUpSeconds,
                        int ingestSeconds, int freshnessSeconds, int backlogEvents, int funnelProjects,
                        int funnelQueries, boolean quickStart) {

    public static final BenchSize SMOKE = new BenchSize("smoke", 4, 2, 20_000, 1, 4, 6, 300, 20_000, 50, true);
    public static final BenchSize FULL = new BenchSize("full", 4, 10, 500_000, 15, 60, 60, 20_000, 1_000_000, 2_000, false);

    public static BenchSize named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "smoke" -> SMOKE;
            case "full" -> FULL;
            default -> throw new IllegalArgumentException("size must be smoke or full, not " + name);
        };
    }

    /** The same size with another number of concurrent clients ({@code -Dbench.clients=N}). */
    public BenchSize withClients(int otherClients) {
        return new BenchSize(name, otherClients, rawJdbcSeconds, rawKafkaRecords, warmUpSeconds, ingestSeconds,
                freshnessSeconds, backlogEvents, funnelProjects, funnelQueries, quickStart);
    }
}
