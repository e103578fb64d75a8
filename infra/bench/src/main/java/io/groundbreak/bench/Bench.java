package io.groundbreak.bench;

import io.groundbreak.kafka.BrokerFiles;
import io.groundbreak.reference.ReferenceData;
import io.groundbreak.testsupport.TestDatabase;
import io.groundbreak.testsupport.TestInfrastructure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

/**
 * One benchmark run: the raw limits of PostgreSQL and Kafka on this machine, then Groundbreak's figures
 * measured against them, on a broker, databases and services of the run's own.
 * <p>
 * Usage: {@code Bench [smoke|full] [output directory]} ({@code infra/bench/run.sh} builds and runs it).
 * Writes {@code results.md} and {@code results.json} to the output directory, service logs under
 * {@code logs/}; with {@code -Dbench.jfr=true} each service JVM also records a JFR profile there.
 */
public final class Bench {

    private final BenchSize size;
    private final Path output;
    private final List<Figure> figures = new ArrayList<>();
    private final String runId = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36).toUpperCase(Locale.ROOT);

    private Bench(BenchSize size, Path output) {
        this.size = size;
        this.output = output.toAbsolutePath();
    }

    public static void main(String[] args) throws Exception {
        BenchSize size = BenchSize.named(args.length > 0 ? args[0] : "full");
        size = size.withOverrides(System::getProperty);
        Path output = Path.of(args.length > 1 ? args[1] : "infra/bench/target/bench-" + size.name());
        BenchReport report = run(size, output);
        System.out.println(report.markdown());
        // the services' JVMs are gone; the databases are dropped by TestInfrastructure's shutdown hook
        System.exit(0);
    }

    /** Runs every phase and writes the report (also, with what was measured, when a phase fails). */
    public static BenchReport run(BenchSize size, Path output) throws Exception {
        return new Bench(size, output).run();
    }

    private BenchReport run() throws Exception {
        Instant startedAt = Instant.now();
        String loadBefore = Machine.loadAverage();
        Map<String, Object> machine = new LinkedHashMap<>();
        Path kafkaHome = Files.createTempDirectory("groundbreak-bench-kafka-");
        try (LoadSampler sampler = new LoadSampler()) {
            Exception failure = null;
            try {
                measure(sampler, machine, kafkaHome);
            } catch (Exception e) {
                failure = e;
            }
            deleteRecursively(kafkaHome);
            List<Figure> ordered = new ArrayList<>(figures);
            // the raw limits first: every other line refers to one of them
            ordered.sort(Comparator.comparing((Figure figure) -> !figure.key().startsWith("raw.")));
            Instant finishedAt = Instant.now();
            BenchReport report = new BenchReport(size.name(), startedAt, finishedAt,
                    Duration.between(startedAt, finishedAt).toSeconds() / 60.0, machine, loadBefore,
                    Machine.loadAverage(), sampler.summary(), ordered);
            report.write(output);
            log("results in " + output.resolve("results.md"));
            if (failure != null) {
                throw failure;
            }
            return report;
        }
    }

    private void measure(LoadSampler sampler, Map<String, Object> machine, Path kafkaHome) throws Exception {
        ReferenceData reference = ReferenceData.loadDefault();
        List<String> districts = reference.districtCodes();
        List<String> chains = reference.chainCodes();
        int clients = size.clients();
        if (clients < 1 || clients >= districts.size()) {
            throw new IllegalArgumentException("clients must be between 1 and " + (districts.size() - 1)
                    + ": one district is kept for the freshness probe");
        }
        TestDatabase rawDatabase = TestInfrastructure.get().newDatabase("bench_raw");
        machine.putAll(Machine.describe(rawDatabase));
        EventSamples samples = EventSamples.generate(200, districts, chains);

        sampler.phase("raw PostgreSQL");
        log("raw PostgreSQL inserts");
        RawJdbcLimits jdbc = new RawJdbcLimits(rawDatabase, samples);
        jdbc.createTable();
        Figure rowPerTransaction = null;
        for (int connections : new int[] {1, clients}) {
            Figure figure = jdbc.measure("raw.jdbc.1-row-tx.c" + connections,
                    "PostgreSQL insert, 1 event row per transaction, " + connections + " connection(s)", connections, 1,
                    size.rawJdbcSeconds());
            add(figure);
            rowPerTransaction = figure;
        }
        for (int connections : new int[] {1, clients}) {
            add(jdbc.measure("raw.jdbc.100-row-tx.c" + connections, "PostgreSQL insert, "
                    + RawJdbcLimits.BATCH + " event rows per transaction (JDBC batch), " + connections + " connection(s)",
                    connections, RawJdbcLimits.BATCH, size.rawJdbcSeconds()));
        }

        try (BenchBroker broker = new BenchBroker(kafkaHome,
                size.quickStart() ? BrokerFiles.Tuning.QUICK_START : BrokerFiles.Tuning.THROUGHPUT)) {
            sampler.phase("raw Kafka");
            log("Kafka broker, raw produce and consume");
            broker.start();
            RawKafkaLimits kafka = new RawKafkaLimits(broker.bootstrapServers(), samples);
            Figure produce = add(kafka.produce(size.rawKafkaRecords()));
            Figure consume = add(kafka.consume(size.rawKafkaRecords()));

            sampler.phase("seed");
            log(String.format(Locale.ROOT, "a history of %,d events on the topic", size.seedEvents()));
            long seeded = TopicSeed.write(broker.bootstrapServers(),
                    EventSamples.generate(size.seedEvents() / 6, districts, chains, 12));

            sampler.phase("services start");
            log("starting milestone-service, funnel-service and audit-service");
            try (GroundbreakSystem system = GroundbreakSystem.start(broker, output.resolve("logs"), size.quickStart(),
                    Boolean.getBoolean("bench.jfr"))) {
                system.seeded(seeded);
                sampler.phase("services take in the history");
                log("waiting until funnel-service and audit-service have taken in the history");
                system.awaitSettled(Duration.ofMinutes(15));

                sampler.phase("ingest");
                log("ingest: " + clients + " district clients for " + size.ingestSeconds() + " s after "
                        + size.warmUpSeconds() + " s of warm-up");
                List<DistrictWorkload> workloads = new ArrayList<>();
                for (int i = 0; i < clients; i++) {
                    workloads.add(new DistrictWorkload(districts.get(i), chains, runId, i));
                }
                DistrictClients districtClients = new DistrictClients(system.http, system::milestoneUrl, workloads);
                districtClients.measure(0, seconds(size.warmUpSeconds()), 0);
                long[] cpuBefore = system.cpuNanos();
                LoadResult ingest = districtClients.measure(0, seconds(size.ingestSeconds()), 0);
                long[] cpuAfter = system.cpuNanos();
                add(Figure.againstRawLimit("ingest", "Ingest over HTTP, " + clients + " district clients",
                        ingest.eventsPerSecond(), "events/s", String.format(Locale.ROOT, "%s (p50 %s ms, p99 %s ms)",
                                Figure.rate(ingest.eventsPerSecond(), "events/s"),
                                Figure.millis(ingest.latencies().percentileMillis(0.5)),
                                Figure.millis(ingest.latencies().percentileMillis(0.99))),
                        rowPerTransaction, 0.60, Map.of("events", ingest.events(), "seconds", ingest.seconds(),
                                "p50Ms", ingest.latencies().percentileMillis(0.5),
                                "p99Ms", ingest.latencies().percentileMillis(0.99), "errors", ingest.errors(),
                                "firstError", String.valueOf(ingest.firstError()),
                                "cpuMsPerEvent", GroundbreakSystem.cpuPerEvent(cpuBefore, cpuAfter, ingest.events()),
                                "workload", "per project: registration + 5 milestones, each its own POST")));

                sampler.phase("settle after ingest");
                log("waiting until every event is published, projected and in the ledger");
                system.awaitSettled(Duration.ofMinutes(15));

                sampler.phase("freshness");
                double halfLoad = ingest.eventsPerSecond() / 2;
                log(String.format(Locale.ROOT, "freshness under %.0f events/s for %d s", halfLoad, size.freshnessSeconds()));
                CompletableFuture<LoadResult> background = CompletableFuture.supplyAsync(() -> {
                    try {
                        return districtClients.measure(0, seconds(size.freshnessSeconds()), halfLoad);
                    } catch (Exception e) {
                        throw new CompletionException(e);
                    }
                });
                Latencies freshness = new FreshnessProbe(system, districts.get(districts.size() - 1), chains.get(0), runId)
                        .run(seconds(size.freshnessSeconds()));
                LoadResult underLoad = background.join();
                add(Figure.latencyBelow("freshness", "Freshness: 201 → visible in GET /api/funnel, at half the maximum",
                        freshness, 1000, Map.of("backgroundTargetEventsPerSecond", halfLoad,
                                "backgroundAchievedEventsPerSecond", underLoad.eventsPerSecond(),
                                "backgroundErrors", underLoad.errors())));

                sampler.phase("publisher backlog");
                // about 30 s of writing at the measured ingest rate, within a tenth of the size's backlog and all of it
                int backlog = (int) Math.max(size.backlogEvents() / 10,
                        Math.min(size.backlogEvents(), ingest.eventsPerSecond() * 30));
                log("publisher on a backlog of " + backlog + " events");
                add(new PublisherBacklog(system).measure(districtClients, backlog, produce));

                sampler.phase("rebuild");
                log("full projection rebuild");
                add(new RebuildFigure(system).measure(consume));

                sampler.phase("audit");
                log("audit export and verification");
                new AuditFigures(system).measure().forEach(this::add);

                sampler.phase("funnel read model load");
                String schema = system.activeFunnelSchema();
                log(String.format(Locale.ROOT, "bulk-loading %,d projects into %s", size.funnelProjects(), schema));
                Map<String, Object> load = new FunnelReadModelLoad(system.funnelDatabase, schema, districts, chains)
                        .load(size.funnelProjects());
                FunnelQueries queries = new FunnelQueries(system);
                queries.crossCheck(schema);

                sampler.phase("funnel queries");
                log("funnel queries");
                add(Figure.latencyBelow("funnel.query", String.format(Locale.ROOT,
                        "Funnel query over HTTP, %,d projects (any filter)", size.funnelProjects()),
                        queries.funnels(size.funnelQueries()), 50, load));
                add(Figure.latencyBelow("funnel.breakdown", String.format(Locale.ROOT,
                        "Funnel breakdown over HTTP (16 districts or 11 chains), %,d projects", size.funnelProjects()),
                        queries.breakdowns(size.funnelQueries() / 2), 50, Map.of("note",
                                "not one of the issue's figures; held to the funnel query's bound")));
                sampler.phase("stop");
            }
        }
    }

    private Figure add(Figure figure) {
        figures.add(figure);
        log(figure.key() + ": " + figure.valueText() + (figure.ratio() == null ? ""
                : String.format(Locale.ROOT, " = %.0f %% of %s", figure.ratio() * 100, figure.rawLimitKey())));
        return figure;
    }

    private static long seconds(int seconds) {
        return seconds * 1_000_000_000L;
    }

    private static void log(String message) {
        System.out.println("[bench " + Instant.now() + "] " + message);
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
