package io.groundbreak.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The harness cannot rot: the smoke size runs every phase against real PostgreSQL, a real broker and the
 * three services' jars, and every figure must come out with a value (not a given speed) and its ratio or
 * target where it has one.
 */
class BenchSmokeIT {

    private static final List<String> FIGURES = List.of(
            "raw.jdbc.1-row-tx.c1", "raw.jdbc.1-row-tx.c4", "raw.jdbc.100-row-tx.c1", "raw.jdbc.100-row-tx.c4",
            "raw.kafka.produce", "raw.kafka.consume", "raw.scan-and-hash",
            "ingest", "freshness", "publisher", "rebuild", "audit.export", "audit.verification",
            "funnel.query", "funnel.breakdown");

    @Test
    void everyFigureIsProduced() throws Exception {
        Path output = Path.of("target", "bench-smoke");
        BenchReport report = Bench.run(BenchSize.SMOKE, output);

        assertThat(report.figures()).extracting(Figure::key).containsExactlyInAnyOrderElementsOf(FIGURES);
        assertThat(report.figures()).allSatisfy(figure -> {
            assertThat(figure.value()).as(figure.key()).isPositive().isFinite();
            if (figure.rawLimitKey() != null) {
                assertThat(figure.ratio()).as(figure.key() + " ratio").isPositive();
            }
        });
        assertThat(report.figures()).filteredOn(figure -> List.of("ingest", "publisher", "rebuild",
                        "audit.verification", "freshness", "funnel.query").contains(figure.key()))
                .allSatisfy(figure -> assertThat(figure.met()).as(figure.key() + " has a target").isNotNull());
        assertThat(output.resolve("results.md")).content().contains("| figure | value | raw limit | ratio | target | met? |");
        assertThat(Files.readString(output.resolve("results.json"))).contains("\"figures\"");
    }
}
