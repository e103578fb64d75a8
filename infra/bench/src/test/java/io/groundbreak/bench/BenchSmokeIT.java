package io.groundbreak.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

/**
 * The harness cannot rot: the smoke size runs every phase against real PostgreSQL, a real broker, the three
 * services' and the web app's jars, the plain-Axon baseline and the demo loader, and every figure must come out
 * with a value (not a given speed) and its ratio or target where it has one. Only wrk may be missing on a test
 * machine: its figures then say so instead of a value (run.sh installs it).
 */
class BenchSmokeIT {

    private static final List<String> MEMORY = List.of(GroundbreakSystem.MILESTONE, GroundbreakSystem.FUNNEL,
            GroundbreakSystem.AUDIT, GroundbreakSystem.WEB, GroundbreakSystem.PLAIN_AXON, "kafka-broker");
    private static final List<String> FIGURES = List.of(
            "raw.jdbc.1-row-tx.c1", "raw.jdbc.1-row-tx.c4", "raw.jdbc.1-row-tx.c32", "raw.jdbc.100-row-tx.c1",
            "raw.jdbc.100-row-tx.c4", "raw.kafka.produce", "raw.kafka.consume", "raw.scan-and-hash",
            "raw.axon.plain", "raw.axon.plain.c4", "raw.axon.plain.wrk",
            "raw.json.parse", "raw.schema.networknt", "schema.validate", "raw.excel.poi-handler", "excel.read",
            "ingest", "ingest.c4", "ingest.vs.axon", "ingest.c4.vs.axon", "ingest.wrk",
            "excel.import", "demo.load", "memory.stack.idle", "memory.stack.load",
            "freshness", "publisher", "rebuild", "audit.export", "audit.verification",
            "funnel.query", "funnel.breakdown", "funnel.cohorts");
    private static final List<String> WITH_TARGET = List.of("ingest", "ingest.c4", "ingest.vs.axon", "publisher",
            "rebuild", "audit.verification", "freshness", "funnel.query", "excel.import", "demo.load",
            "memory.stack.load");

    @Test
    void everyFigureIsProduced() throws Exception {
        Path output = Path.of("target", "bench-smoke");
        BenchReport report = Bench.run(BenchSize.SMOKE, output);

        List<String> expected = new ArrayList<>(FIGURES);
        MEMORY.forEach(jvm -> expected.addAll(List.of("memory." + jvm + ".idle", "memory." + jvm + ".load")));
        assertThat(report.figures()).extracting(Figure::key).containsExactlyInAnyOrderElementsOf(expected);
        boolean wrkInstalled = WrkLoad.executable() != null;
        assertThat(report.figures()).allSatisfy(figure -> {
            if (!wrkInstalled && figure.key().endsWith(".wrk")) {
                assertThat(figure.value()).as(figure.key()).isNull();
                assertThat(figure.details()).as(figure.key()).containsKey("unavailable");
                return;
            }
            assertThat(figure.value()).as(figure.key()).isNotNull().isPositive().isFinite();
            if (figure.rawLimit() != null) {
                assertThat(figure.ratio()).as(figure.key() + " ratio").isPositive();
            }
        });
        assertThat(report.figures()).filteredOn(figure -> WITH_TARGET.contains(figure.key()))
                .allSatisfy(figure -> assertThat(figure.met()).as(figure.key() + " has a target").isNotNull());
        assertThat(report.figures()).filteredOn(figure -> figure.key().equals("excel.import"))
                .allSatisfy(figure -> assertThat(figure.details()).doesNotContainKey("notAllAccepted"));
        // the CPU each event cost the machine, Groundbreak's write path beside plain Axon's (ANALYSIS.md reads them)
        assertThat(report.figures()).filteredOn(figure -> List.of("ingest", "raw.axon.plain").contains(figure.key()))
                .hasSize(2).allSatisfy(figure -> assertThat(figure.details().get("cpuBudgetMsPerEvent"))
                        .as(figure.key()).asInstanceOf(InstanceOfAssertFactories.MAP)
                        .containsKeys("machine", "postgresql", "kafka-broker", "rest"));
        if (wrkInstalled) {
            assertThat(report.figures()).filteredOn(figure -> figure.key().endsWith(".wrk")).hasSize(2)
                    .allSatisfy(figure -> assertThat(figure.details().get("cpuBudgetMsPerEvent")).as(figure.key())
                            .asInstanceOf(InstanceOfAssertFactories.MAP).containsKeys("machine", "postgresql", "rest"));
        }
        // where each freshness sample waited: every sample found in the store, on the topic and in the read model
        assertThat(report.figures()).filteredOn(figure -> figure.key().equals("freshness")).singleElement()
                .satisfies(figure -> assertThat(figure.details())
                        .containsEntry("samplesWithStages", figure.details().get("samples"))
                        .containsKeys("recordedTo201Ms", "201ToSentMs", "sentToApplyingMs", "applyingToSeenMs",
                                "funnelQueueAheadAt201Records"));
        // verification's two parts, the completeness check and the chain walk, each timed by audit-service
        assertThat(report.figures()).filteredOn(figure -> figure.key().equals("audit.verification")).singleElement()
                .satisfies(figure -> assertThat(figure.details()).allSatisfy((key, value) -> {
                    if (key.equals("completenessSeconds") || key.equals("chainWalkSeconds")) {
                        assertThat((Double) value).as(key).isPositive();
                    }
                }).containsKeys("completenessSeconds", "chainWalkSeconds"));
        // the publisher's backlog is the size's, written whole through the batch endpoint, and its CPU is reported
        assertThat(report.figures()).filteredOn(figure -> figure.key().equals("publisher")).singleElement()
                .satisfies(figure -> {
                    assertThat(figure.details()).containsEntry("writeErrors", 0L)
                            .containsKeys("publisherCpuMsPerEvent", "cpuBudgetMsPerEvent");
                    assertThat(((Number) figure.details().get("backlogEvents")).longValue())
                            .isGreaterThanOrEqualTo(BenchSize.SMOKE.backlogEvents());
                    if (Boolean.getBoolean("bench.jfr")) {
                        assertThat(figure.details().get("publisherThreadProfile"))
                                .asInstanceOf(InstanceOfAssertFactories.MAP).containsKey("samples");
                    }
                });

        // results.md is rendered from results.json alone: the kept JSON renders to the same text
        assertThat(output.resolve("results.md")).content().contains("| figure | value | raw limit | ratio | target | met? |");
        assertThat(BenchReport.read(output.resolve("results.json")).markdown())
                .isEqualTo(Files.readString(output.resolve("results.md")));
    }
}
