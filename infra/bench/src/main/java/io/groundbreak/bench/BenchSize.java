package io.groundbreak.bench;

import java.lang.reflect.RecordComponent;
import java.util.Locale;
import java.util.function.Function;

/**
 * How much each phase does. SMOKE proves in seconds that every figure is produced (it runs in
 * {@code mvn verify}); FULL gives figures worth comparing, in minutes.
 *
 * @param clients            concurrent district clients for the ingest throughput (several per district when
 *                           there are more clients than districts), and wrk's connections; JDBC connections of
 *                           the raw insert limit it is compared with
 * @param latencyClients     concurrent clients for the ingest latency figures ({@code ingest.c4}); JDBC
 *                           connections of their raw limit
 * @param rawJdbcSeconds     how long each raw insert measurement runs
 * @param rawKafkaRecords    records produced, then consumed, for the raw Kafka limits
 * @param warmUpSeconds      ingest before the measured windows (Groundbreak and plain Axon each), so that the JIT
 *                           has compiled the hot paths
 * @param ingestSeconds      the measured ingest window at {@code clients}
 * @param latencySeconds     the measured ingest window at {@code latencyClients}
 * @param wrkSeconds         each wrk run (milestone-service, then plain Axon)
 * @param freshnessSeconds   how long probes run under half of the measured maximum load
 * @param backlogEvents      events written while Kafka is down (through the batch endpoint, whole projects of six
 *                           events), then published as one backlog
 * @param funnelProjects     projects bulk-loaded into the read model for the query figure
 * @param funnelQueries      timed queries per kind of filter (after as many again to warm up)
 * @param seedEvents         events on the topic before the services start ({@link TopicSeed}): the ledger the
 *                           rebuild, export and verification work on, whatever the machine's ingest rate
 * @param importRows         rows of the Excel upload ({@code excel.import}; the month: 10,000)
 * @param inProcessRounds    measured rounds (after as many warm-up rounds) of each in-process figure: the contract
 *                           check ({@code schema.validate}) and the sheet reading ({@code excel.read})
 * @param quickStart         start the JVMs (services, broker) for a quick start (C1 only, serial GC) rather
 *                           than for throughput: the smoke run checks that figures come out, not how fast
 */
public record BenchSize(String name, int clients, int latencyClients, int rawJdbcSeconds, int rawKafkaRecords,
                        int warmUpSeconds, int ingestSeconds, int latencySeconds, int wrkSeconds, int freshnessSeconds,
                        int backlogEvents, int funnelProjects, int funnelQueries, int seedEvents, int importRows,
                        int inProcessRounds, boolean quickStart) {

    public static final BenchSize SMOKE = new BenchSize("smoke", 32, 4, 2, 20_000, 1, 4, 3, 3, 6, 1_200, 20_000, 50,
            1_200, 200, 2, true);
    public static final BenchSize FULL = new BenchSize("full", 32, 4, 10, 500_000, 60, 60, 30, 30, 60, 30_000,
            1_000_000, 2_000, 120_000, 10_000, 30, false);

    public static BenchSize named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "smoke" -> SMOKE;
            case "full" -> FULL;
            default -> throw new IllegalArgumentException("size must be smoke or full, not " + name);
        };
    }

    /**
     * The same size with the parameters given as system properties {@code bench.<parameter>} (e.g.
     * {@code -Dbench.clients=8 -Dbench.ingestSeconds=120}) changed: for experiments, and for machines
     * larger than the one the sizes were chosen for.
     */
    public BenchSize withOverrides(Function<String, String> properties) {
        RecordComponent[] components = BenchSize.class.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = components[i].getAccessor().invoke(this);
                String given = properties.apply("bench." + components[i].getName());
                if (given != null && !components[i].getName().equals("name")) {
                    values[i] = types[i] == int.class ? Integer.parseInt(given.strip())
                            : types[i] == boolean.class ? Boolean.parseBoolean(given.strip()) : given;
                }
            }
            return BenchSize.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
