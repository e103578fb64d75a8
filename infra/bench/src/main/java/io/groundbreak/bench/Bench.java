package io.groundbreak.bench;

import io.groundbreak.kafka.BrokerFiles;
import io.groundbreak.reference.ReferenceData;
import io.groundbreak.testsupport.TestDatabase;
import io.groundbreak.testsupport.TestInfrastructure;
import java.io.IOException;
import java.net.URI;
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
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

/**
 * One benchmark run: the raw limits of PostgreSQL and Kafka on this machine, then Groundbreak's figures
 * measured against them, on a broker, databases and services of the run's own.
 * <p>
 * Usage: {@code Bench [smoke|full] [output directory]} ({@code infra/bench/run.sh} builds and runs it).
 * Writes {@code results.json} and {@code results.md} (rendered from it) to the output directory, service logs under
 * {@code logs/}; with {@code -Dbench.jfr=true} each service JVM also records a JFR profile there.
 * {@code Bench render <results.json> [<file.md>]} renders a kept results.json again (RESULTS.md).
 */
public final class Bench {

    /**
     * The cohort table is read once per dashboard view, beside a dozen other answers: half a second is its share. Timed
     * on 1 % of the funnel query's samples (at least 10): a full run's cohort tables take seconds each.
     */
    private static final double COHORTS_BOUND_MILLIS = 500;

    private final BenchSize size;
    private final Path output;
    private final List<Figure> figures = new ArrayList<>();
    private final String runId = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36).toUpperCase(Locale.ROOT);

    private Bench(BenchSize size, Path output) {
        this.size = size;
        this.output = output.toAbsolutePath();
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("render")) {
            if (args.length < 2) {
                System.err.println("usage: Bench render <results.json> [<output.md>]");
                System.exit(2);
            }
            String markdown = BenchReport.read(Path.of(args[1])).markdown();
            if (args.length > 2) {
                Files.writeString(Path.of(args[2]), markdown);
            } else {
                System.out.print(markdown);
            }
            return;
        }
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
            BenchReport report = new BenchReport(size.name(), System.getProperty("bench.commit"), startedAt, finishedAt,
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
        int latencyClients = size.latencyClients();
        if (clients < 1 || latencyClients < 1) {
            throw new IllegalArgumentException("clients and latencyClients must be at least 1");
        }
        TestDatabase rawDatabase = TestInfrastructure.get().newDatabase("bench_raw");
        machine.putAll(Machine.describe(rawDatabase));
        EventSamples samples = EventSamples.generate(200, districts, chains);

        sampler.phase("raw PostgreSQL");
        log("raw PostgreSQL inserts");
        RawJdbcLimits jdbc = new RawJdbcLimits(rawDatabase, samples);
        jdbc.createTable();
        Map<Integer, Figure> rowPerTransaction = new LinkedHashMap<>();
        for (int connections : new TreeSet<>(List.of(1, latencyClients, clients))) {
            rowPerTransaction.put(connections, add(jdbc.measure("raw.jdbc.1-row-tx.c" + connections,
                    "PostgreSQL insert, 1 event row per transaction, " + connections + " connection(s)", connections, 1,
                    size.rawJdbcSeconds())));
        }
        for (int connections : new TreeSet<>(List.of(1, latencyClients))) {
            add(jdbc.measure("raw.jdbc.100-row-tx.c" + connections, "PostgreSQL insert, "
                    + RawJdbcLimits.BATCH + " event rows per transaction (JDBC batch), " + connections + " connection(s)",
                    connections, RawJdbcLimits.BATCH, size.rawJdbcSeconds()));
        }

        sampler.phase("in-process: contract check, sheet reading");
        log("in process: the contract check of an event and the reading of the import workbook, each beside the library alone");
        new SchemaValidationFigures(EventSamples.envelopes(200, districts, chains, 11)).measure(size.inProcessRounds())
                .forEach(this::add);
        Files.createDirectories(output);
        Path importWorkbook = output.resolve("import-" + size.importRows() + ".xlsx");
        Files.write(importWorkbook, ExcelImportFigure.workbook(size.importRows() / 2, "R" + runId));
        new SheetReadingFigures(importWorkbook, size.importRows()).measure(size.inProcessRounds()).forEach(this::add);

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

            boolean flightRecording = Boolean.getBoolean("bench.jfr");
            sampler.phase("services start");
            log("starting milestone-service, funnel-service, audit-service, web and plain Axon");
            try (GroundbreakSystem system = GroundbreakSystem.start(broker, output.resolve("logs"), size.quickStart(),
                    flightRecording)) {
                system.seeded(seeded);
                sampler.phase("services take in the history");
                log("waiting until funnel-service and audit-service have taken in the history");
                system.awaitSettled(Duration.ofMinutes(15));

                Map<String, ServiceJvm> jvms = new LinkedHashMap<>();
                system.groundbreakJvms().forEach(jvm -> jvms.put(jvm.name(), jvm));
                jvms.put(GroundbreakSystem.PLAIN_AXON, system.plainAxon);
                Map<String, LongSupplier> resident = new LinkedHashMap<>();
                jvms.forEach((name, jvm) -> resident.put(name, jvm::residentKib));
                resident.put("kafka-broker", broker::residentKib);
                Map<String, long[]> idle = new LinkedHashMap<>();
                jvms.forEach((name, jvm) -> idle.put(name, new long[] {jvm.residentKib(), jvm.heapUsedKib()}));
                idle.put("kafka-broker", new long[] {broker.residentKib(), 0});

                sampler.phase("ingest");
                log("ingest: " + clients + " district clients for " + size.ingestSeconds() + " s after "
                        + size.warmUpSeconds() + " s of warm-up, then " + latencyClients + " for "
                        + size.latencySeconds() + " s");
                DistrictClients districtClients = clients(system.http, system::milestoneUrl, districts, chains, 0, clients);
                DistrictClients fewClients = clients(system.http, system::milestoneUrl, districts, chains, clients,
                        latencyClients);
                Map<String, Long> loadResident;
                Map<String, Long> heapUnderLoad = new LinkedHashMap<>();
                LoadResult ingest;
                try (MemorySampler memory = new MemorySampler(resident)) {
                    warmUp(districtClients, clients);
                    CpuBudget ingestBudget = new CpuBudget(Map.of("milestone-service", system.milestone::pid),
                            processes(broker, system.funnel, system.audit));
                    long[] cpuBefore = system.cpuNanos();
                    Map<String, Long> budgetBefore = ingestBudget.snapshot();
                    Instant ingestFrom = Instant.now();
                    ingest = districtClients.measure(0, seconds(size.ingestSeconds()), 0);
                    Instant ingestTo = Instant.now();
                    Map<String, Long> budgetAfter = ingestBudget.snapshot();
                    long[] cpuAfter = system.cpuNanos();
                    jvms.forEach((name, jvm) -> heapUnderLoad.put(name, jvm.heapUsedKib()));
                    Map<String, Object> details = ingestDetails(ingest);
                    details.put("cpuMsPerEvent", GroundbreakSystem.cpuPerEvent(cpuBefore, cpuAfter, ingest.events()));
                    details.put("cpuBudgetMsPerEvent", CpuBudget.perEvent(budgetBefore, budgetAfter, ingest.events()));
                    if (flightRecording) {
                        details.put("httpThreadProfile", ThreadProfile.HTTP.of(system.milestone.pid(),
                                output.resolve("logs/milestone-service-ingest.jfr"), ingestFrom, ingestTo));
                    }
                    add(Figure.againstRawLimit("ingest", "Ingest over HTTP, " + clients + " district clients (throughput)",
                            ingest.eventsPerSecond(), "events/s", ingestText(ingest), rowPerTransaction.get(clients),
                            0.60, details));

                    sampler.phase("settle after ingest");
                    log("waiting until every event is published, projected and in the ledger");
                    system.awaitSettled(Duration.ofMinutes(15));

                    // after the settling: plain Axon's 4 clients have no consumers draining a backlog beside them either
                    sampler.phase("ingest, " + latencyClients + " clients");
                    Map<String, Long> fewBudgetBefore = ingestBudget.snapshot();
                    LoadResult few = fewClients.measure(0, seconds(size.latencySeconds()), 0);
                    Map<String, Object> fewDetails = ingestDetails(few);
                    fewDetails.put("cpuBudgetMsPerEvent", CpuBudget.perEvent(fewBudgetBefore, ingestBudget.snapshot(),
                            few.events()));
                    add(Figure.againstRawLimit("ingest.c" + latencyClients, "Ingest over HTTP, " + latencyClients
                                    + " district clients (latency)", few.eventsPerSecond(), "events/s", ingestText(few),
                            rowPerTransaction.get(latencyClients), 0.60, fewDetails));
                    sampler.phase("settle after ingest, " + latencyClients + " clients");
                    system.awaitSettled(Duration.ofMinutes(15));

                    sampler.phase("plain Axon ingest");
                    log("plain Axon: the same clients, " + clients + " then " + latencyClients);
                    DistrictClients axonClients = clients(system.http, system.plainAxon::url, districts, chains, 0, clients);
                    DistrictClients fewAxonClients = clients(system.http, system.plainAxon::url, districts, chains,
                            clients, latencyClients);
                    warmUp(axonClients, clients);
                    CpuBudget axonBudget = new CpuBudget(Map.of(GroundbreakSystem.PLAIN_AXON, system.plainAxon::pid),
                            processes(broker, system.milestone, system.funnel, system.audit));
                    long axonCpuBefore = system.plainAxon.cpuNanos();
                    Map<String, Long> axonBudgetBefore = axonBudget.snapshot();
                    Instant axonFrom = Instant.now();
                    LoadResult axon = axonClients.measure(0, seconds(size.ingestSeconds()), 0);
                    Instant axonTo = Instant.now();
                    Map<String, Long> axonBudgetAfter = axonBudget.snapshot();
                    Map<String, Object> axonDetails = ingestDetails(axon);
                    axonDetails.put("cpuMsPerEvent", (system.plainAxon.cpuNanos() - axonCpuBefore) / 1e6 / axon.events());
                    axonDetails.put("cpuBudgetMsPerEvent", CpuBudget.perEvent(axonBudgetBefore, axonBudgetAfter, axon.events()));
                    if (flightRecording) {
                        axonDetails.put("httpThreadProfile", ThreadProfile.HTTP.of(system.plainAxon.pid(),
                                output.resolve("logs/plain-axon-ingest.jfr"), axonFrom, axonTo));
                    }
                    axonDetails.put("application", "infra/bench-plain-axon: Spring Boot + Axon 4.13, JPA event store, "
                            + "one command per event, stage-order rule; no security, idempotency or Kafka; no cache");
                    Figure plainAxon = add(Figure.rawLimit("raw.axon.plain", "Plain Axon 4.13 over HTTP, " + clients
                            + " clients (same clients, same PostgreSQL)", axon.eventsPerSecond(), "events/s",
                            ingestText(axon), axonDetails));
                    Map<String, Long> fewAxonBudgetBefore = axonBudget.snapshot();
                    LoadResult fewAxon = fewAxonClients.measure(0, seconds(size.latencySeconds()), 0);
                    Map<String, Object> fewAxonDetails = ingestDetails(fewAxon);
                    fewAxonDetails.put("cpuBudgetMsPerEvent", CpuBudget.perEvent(fewAxonBudgetBefore,
                            axonBudget.snapshot(), fewAxon.events()));
                    Figure plainAxonFew = add(Figure.rawLimit("raw.axon.plain.c" + latencyClients, "Plain Axon 4.13 over HTTP, "
                            + latencyClients + " clients", fewAxon.eventsPerSecond(), "events/s", ingestText(fewAxon),
                            fewAxonDetails));
                    add(Figure.againstRawLimit("ingest.vs.axon", "Ingest (" + clients + " clients) against plain Axon "
                                    + "in the same run", ingest.eventsPerSecond(), "events/s", ingestText(ingest),
                            plainAxon, 1.0, Map.of("note", "the write path with every rule, the Idempotency-Key, "
                                    + "authentication and the publisher, against a plain Axon application")));
                    add(Figure.againstRawLimit("ingest.c" + latencyClients + ".vs.axon", "Ingest (" + latencyClients
                                    + " clients) against plain Axon in the same run", few.eventsPerSecond(), "events/s",
                            ingestText(few), plainAxonFew, 1.0, Map.of()));

                    sampler.phase("wrk");
                    wrk(system, broker, clients);
                    system.plainAxon.stop();

                    sampler.phase("settle after wrk");
                    system.awaitSettled(Duration.ofMinutes(15));

                    sampler.phase("Excel import");
                    log(String.format(Locale.ROOT, "Excel import of %,d rows through the web app", size.importRows()));
                    add(new ExcelImportFigure(system.web.url("")).measure(districts.get(0), size.importRows(), runId));
                    system.awaitSettled(Duration.ofMinutes(15));

                    sampler.phase("demo load");
                    log("demo data loader");
                    add(new DemoLoadFigure(Path.of(System.getProperty(ServiceJvm.SERVICES_DIRECTORY_PROPERTY,
                            "infra/bench/target/services")), output.resolve("logs"))
                            .measure(system.milestoneUrl(""), system.funnelUrl(""), system.auditUrl("")));
                    loadResident = memory.maxResidentKib();
                }
                memoryFigures(idle, loadResident, heapUnderLoad);

                sampler.phase("settle after demo load");
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
                FreshnessProbe.Result freshness = new FreshnessProbe(system, districts.get(districts.size() - 1),
                        chains.get(0), runId).run(seconds(size.freshnessSeconds()));
                LoadResult underLoad = background.join();
                Map<String, Object> freshnessDetails = new LinkedHashMap<>(Map.of(
                        "backgroundTargetEventsPerSecond", halfLoad,
                        "backgroundAchievedEventsPerSecond", underLoad.eventsPerSecond(),
                        "backgroundErrors", underLoad.errors()));
                freshnessDetails.putAll(freshness.stageDetails());
                add(Figure.latencyPercentilesBelow("freshness",
                        "Freshness: 201 → visible in GET /api/funnel, at half the maximum", freshness.latencies(), 100,
                        500, freshnessDetails));

                sampler.phase("publisher backlog");
                log(String.format(Locale.ROOT, "publisher on a backlog of %,d events", size.backlogEvents()));
                CpuBudget backlogBudget = new CpuBudget(Map.of(GroundbreakSystem.MILESTONE, system.milestone::pid),
                        processes(broker, system.funnel, system.audit));
                add(new PublisherBacklog(system, backlogBudget, flightRecording
                        ? output.resolve("logs/milestone-service-publisher.jfr") : null)
                        .measure(districtClients, size.backlogEvents(), produce));

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
                add(Figure.latencyBelow("funnel.cohorts", String.format(Locale.ROOT,
                        "Cohort table over HTTP (8 quarters or 12 months), %,d projects", size.funnelProjects()),
                        queries.cohorts(Math.max(10, size.funnelQueries() / 100)), COHORTS_BOUND_MILLIS, Map.of("note",
                                "issue 19: one query over the stage rows of the projects with a stage dated in the span, "
                                        + "not pre-aggregated; its bound is the dashboard's, not the funnel query's")));
                sampler.phase("stop");
            }
        }
    }

    /**
     * N clients numbered from {@code firstClient} (numbers make their project codes unique), one district each in
     * turn; the last district is kept for the freshness probe.
     */
    private DistrictClients clients(BenchHttp http, Function<String, URI> url, List<String> districts,
                                    List<String> chains, int firstClient, int count) {
        List<DistrictWorkload> workloads = new ArrayList<>();
        for (int i = firstClient; i < firstClient + count; i++) {
            workloads.add(new DistrictWorkload(districts.get(i % (districts.size() - 1)), chains, runId, i));
        }
        return new DistrictClients(http, url, workloads);
    }

    /**
     * Posts for the warm-up time, again until the clients together had one 201 each: a JVM just started (C1 only in
     * the smoke run) on a machine loaded by other work answered its first writes only after several seconds, and a
     * window with no answer in it measures nothing.
     */
    private void warmUp(DistrictClients districtClients, int clients) throws Exception {
        long answered = 0;
        for (int round = 0; round < 10 && answered < clients; round++) {
            answered += districtClients.measure(0, seconds(size.warmUpSeconds()), 0).events();
        }
    }

    /** The processes counted whole in a CPU budget: the given services, the broker and the bench's own JVM (its clients). */
    private static Map<String, LongSupplier> processes(BenchBroker broker, ServiceJvm... services) {
        Map<String, LongSupplier> processes = new LinkedHashMap<>();
        for (ServiceJvm service : services) {
            processes.put(service.name(), service::pid);
        }
        processes.put("kafka-broker", broker::pid);
        processes.put("bench clients", () -> ProcessHandle.current().pid());
        return processes;
    }

    private static String ingestText(LoadResult result) {
        return String.format(Locale.ROOT, "%s (p50 %s ms, p99 %s ms)", Figure.rate(result.eventsPerSecond(), "events/s"),
                Figure.millis(result.latencies().percentileMillis(0.5)),
                Figure.millis(result.latencies().percentileMillis(0.99)));
    }

    private static Map<String, Object> ingestDetails(LoadResult result) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("events", result.events());
        details.put("seconds", result.seconds());
        details.put("p50Ms", result.latencies().percentileMillis(0.5));
        details.put("p99Ms", result.latencies().percentileMillis(0.99));
        details.put("errors", result.errors());
        details.put("firstError", String.valueOf(result.firstError()));
        details.put("workload", "per project: registration + 5 milestones, each its own POST");
        return details;
    }

    /**
     * {@code ingest.wrk} against {@code raw.axon.plain.wrk}: wrk's connections register projects on each, one after
     * the other, each with the machine's CPU per write ({@code cpuBudgetMsPerEvent}: wrk itself is in "rest"); without
     * wrk on the PATH both say so instead (run.sh installs it).
     */
    private void wrk(GroundbreakSystem system, BenchBroker broker, int connections) throws Exception {
        Path script = WrkLoad.script();
        String missing = WrkLoad.executable() == null ? "wrk is not installed (run.sh installs Debian's package)"
                : script == null ? "wrk/register-projects.lua not found from " + Path.of("").toAbsolutePath() : null;
        String axonName = "Plain Axon over HTTP, wrk, " + connections + " connections, registrations";
        String milestoneName = "Registrations over HTTP, wrk, " + connections + " connections, against plain Axon";
        if (missing != null) {
            log("wrk: " + missing);
            add(Figure.unavailable("raw.axon.plain.wrk", axonName, "writes/s", missing));
            add(Figure.unavailable("ingest.wrk", milestoneName, "writes/s", missing));
            return;
        }
        WrkLoad wrk = new WrkLoad(script, output.resolve("logs"));
        log("wrk: " + connections + " connections for " + size.wrkSeconds() + " s against plain Axon, then milestone-service");
        BudgetedWrk axon = BudgetedWrk.of(new CpuBudget(Map.of(GroundbreakSystem.PLAIN_AXON, system.plainAxon::pid),
                processes(broker, system.milestone, system.funnel, system.audit)),
                () -> wrk.run("plain-axon", system.plainAxon.url(""), connections, size.wrkSeconds()), connections);
        Figure axonFigure = add(Figure.rawLimit("raw.axon.plain.wrk", axonName, axon.result().createdPerSecond(),
                "writes/s", WrkLoad.valueText(axon.result()), axon.details()));
        BudgetedWrk milestone = BudgetedWrk.of(new CpuBudget(Map.of(GroundbreakSystem.MILESTONE, system.milestone::pid),
                        processes(broker, system.funnel, system.audit)),
                () -> wrk.run("milestone-service", system.milestoneUrl(""), connections, size.wrkSeconds()), connections);
        add(Figure.againstRawLimit("ingest.wrk", milestoneName, milestone.result().createdPerSecond(), "writes/s",
                WrkLoad.valueText(milestone.result()), axonFigure, 1.0, milestone.details()));
    }

    /** One wrk run and its details, with the machine's CPU per created project. */
    private record BudgetedWrk(WrkLoad.Result result, Map<String, Object> details) {

        static BudgetedWrk of(CpuBudget budget, WrkRun run, int connections) throws Exception {
            Map<String, Long> before = budget.snapshot();
            WrkLoad.Result result = run.run();
            Map<String, Object> details = new LinkedHashMap<>(result.details(connections));
            details.put("cpuBudgetMsPerEvent", CpuBudget.perEvent(before, budget.snapshot(), result.created()));
            return new BudgetedWrk(result, details);
        }
    }

    @FunctionalInterface
    private interface WrkRun {
        WrkLoad.Result run() throws Exception;
    }

    /**
     * {@code memory.<jvm>.idle} (settled, before any load) and {@code memory.<jvm>.load} (the highest VmRSS from the
     * ingest to the demo load), in MiB, and Groundbreak's whole stack as {@code memory.stack.*} (the four JVMs and
     * the broker; PostgreSQL is external), held to the 4 GiB the issue sets for infra/local.sh's heap limits.
     */
    private void memoryFigures(Map<String, long[]> idle, Map<String, Long> load, Map<String, Long> heapUnderLoad) {
        String settings = String.join(" ", ServiceJvm.jvmOptions(size.quickStart()));
        long idleTotal = 0;
        long loadTotal = 0;
        for (Map.Entry<String, long[]> jvm : idle.entrySet()) {
            String name = jvm.getKey();
            long idleKib = jvm.getValue()[0];
            long loadKib = Math.max(idleKib, load.getOrDefault(name, 0L));
            if (!name.equals(GroundbreakSystem.PLAIN_AXON)) {
                idleTotal += idleKib;
                loadTotal += loadKib;
            }
            Map<String, Object> idleDetails = new LinkedHashMap<>();
            if (jvm.getValue()[1] > 0) {
                idleDetails.put("heapUsedMiB", jvm.getValue()[1] / 1024.0);
            }
            idleDetails.put("jvmOptions", name.equals("kafka-broker") ? "the bench's broker" : settings);
            add(Figure.information("memory." + name + ".idle", name + ": resident memory at idle (VmRSS)",
                    idleKib / 1024.0, "MiB", null, idleDetails));
            Map<String, Object> loadDetails = new LinkedHashMap<>();
            if (heapUnderLoad.getOrDefault(name, 0L) > 0) {
                loadDetails.put("heapUsedMiBAfterIngest", heapUnderLoad.get(name) / 1024.0);
            }
            loadDetails.put("during", "ingest, plain Axon, wrk, Excel import, demo load (highest of samples every 500 ms)");
            add(Figure.information("memory." + name + ".load", name + ": resident memory under load (highest VmRSS)",
                    loadKib / 1024.0, "MiB", null, loadDetails));
        }
        Map<String, Object> note = Map.of("jvms", "milestone-service, funnel-service, audit-service, web, kafka-broker",
                "note", "with the bench's heap settings; infra/local.sh's own limits are what the 4 GiB is for");
        add(new Figure("memory.stack.idle", "Groundbreak's single-instance stack at idle (sum of VmRSS)",
                idleTotal / 1024.0, "MiB", Figure.rate(idleTotal / 1024.0, "MiB"), null, null,
                FigureTarget.below(4096, "MiB"), idleTotal / 1024.0 < 4096, note));
        add(new Figure("memory.stack.load", "Groundbreak's single-instance stack under load (sum of highest VmRSS)",
                loadTotal / 1024.0, "MiB", Figure.rate(loadTotal / 1024.0, "MiB"), null, null,
                FigureTarget.below(4096, "MiB"), loadTotal / 1024.0 < 4096, note));
    }

    private Figure add(Figure figure) {
        figures.add(figure);
        log(figure.key() + ": " + figure.valueText() + (figure.ratio() == null ? ""
                : String.format(Locale.ROOT, " = %.0f %% of %s", figure.ratio() * 100, figure.rawLimit().key())));
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
