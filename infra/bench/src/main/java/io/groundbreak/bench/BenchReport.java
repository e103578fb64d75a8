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
 * The run's results, written as {@code results.md} (the table, then the machine and what each figure
 * rests on) and {@code results.json} (the same, whole).
 */
record BenchReport(String size, Instant startedAt, Instant finishedAt, double minutes, Map<String, Object> machine,
                   String loadBefore, String loadAfter, Map<String, String> loadPerPhase, List<Figure> figures) {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("results.json"), JSON.writeValueAsString(this));
        Files.writeString(directory.resolve("results.md"), markdown());
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "# Groundbreak benchmark, %s run%n%n", size));
        md.append(String.format(Locale.ROOT, "%s → %s (%.1f min). Load average (1, 5, 15 min) before: %s; after: %s.%n%n",
                startedAt, finishedAt, minutes, loadBefore, loadAfter));
        md.append("| figure | value | raw limit | ratio | target | met? |\n|---|---|---|---|---|---|\n");
        for (Figure figure : figures) {
            String raw = figure.rawLimit() == null ? "" : Figure.rate(figure.rawLimit(), unitOf(figure.rawLimitKey()))
                    + " (" + figure.rawLimitKey() + ")";
            String ratio = figure.ratio() == null ? "" : String.format(Locale.ROOT, "%.0f %%", figure.ratio() * 100);
            String met = figure.met() == null ? "" : figure.met() ? "yes" : "**no**";
            md.append(String.format(Locale.ROOT, "| %s (`%s`) | %s | %s | %s | %s | %s |%n", figure.name(), figure.key(),
                    figure.valueText(), raw, ratio, figure.target() == null ? "" : figure.target(), met));
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

    private String unitOf(String key) {
        return figures.stream().filter(figure -> figure.key().equals(key)).map(Figure::unit).findFirst().orElse("");
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
