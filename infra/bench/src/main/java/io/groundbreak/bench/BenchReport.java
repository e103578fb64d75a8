package io.groundbreak.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The run's results: {@code results.json} holds everything; {@code results.md} is rendered from it alone (the
 * table, then the machine, the load per phase and what each figure rests on), so that
 * {@code infra/bench/run.sh render results.json} gives the same text from a kept JSON file (RESULTS.md).
 *
 * @param commit the repository's commit the run was built from (with {@code +changes} when the tree was dirty)
 */
record BenchReport(String size, String commit, Instant startedAt, Instant finishedAt, double minutes,
                   Map<String, Object> machine, String loadBefore, String loadAfter, Map<String, String> loadPerPhase,
                   List<Figure> figures) {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("results.json"), JSON.writeValueAsString(this));
        Files.writeString(directory.resolve("results.md"), markdown());
    }

    static BenchReport read(Path json) throws IOException {
        return JSON.readValue(Files.readString(json), BenchReport.class);
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "# Groundbreak benchmark, %s run%s%n%n", size,
                commit == null ? "" : ", commit " + commit));
        md.append("Generated from `results.json` by `infra/bench/run.sh render` — do not edit; the analysis is written "
                + "separately ([`ANALYSIS.md`](ANALYSIS.md) in `infra/bench`).\n\n");
        md.append(String.format(Locale.ROOT, "%s → %s (%.1f min). Load average (1, 5, 15 min) before: %s; after: %s.%n%n",
                startedAt, finishedAt, minutes, loadBefore, loadAfter));
        md.append("| figure | value | raw limit | ratio | target | met? |\n|---|---|---|---|---|---|\n");
        for (Figure figure : figures) {
            FigureLimit limit = figure.rawLimit();
            String raw = limit == null ? "" : Figure.rate(limit.value(), limit.unit()) + " (" + limit.key() + ")";
            String ratio = figure.ratio() == null ? "" : String.format(Locale.ROOT, "%.0f %%", figure.ratio() * 100);
            String met = figure.met() == null ? "" : figure.met() ? "yes" : "**no**";
            md.append(String.format(Locale.ROOT, "| %s (`%s`) | %s | %s | %s | %s | %s |%n", figure.name(), figure.key(),
                    figure.valueText(), raw, ratio, figure.target() == null ? "" : figure.target().text(), met));
        }
        md.append("\n## Machine\n\n");
        machine.forEach((name, value) -> md.append("- ").append(name).append(": ").append(value).append('\n'));
        md.append("\n## Load per phase (other work on the machine included)\n\n");
        loadPerPhase.forEach((name, value) -> md.append("- ").append(name).append(": ").append(value).append('\n'));
        md.append("\n## Details\n\n");
        for (Figure figure : figures) {
            md.append("- `").append(figure.key()).append("`: ").append(details(figure.details())).append('\n');
        }
        return md.toString();
    }

    private static String details(Map<String, Object> details) {
        StringBuilder text = new StringBuilder();
        details.forEach((name, value) -> {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(name).append(' ').append(value instanceof Double number
                    ? String.format(Locale.ROOT, number >= 100 ? "%,.0f" : "%.2f", number) : value);
        });
        return text.toString();
    }
}
