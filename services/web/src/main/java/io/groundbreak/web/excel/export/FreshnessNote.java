package io.groundbreak.web.excel.export;

import io.groundbreak.web.excel.writing.SheetWriter;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * How fresh an export's figures are, noted under each sheet's title as the pages show it: the services' {@code
 * freshness} ({@code newestEventRecordedAt}, {@code newestEventAppliedAt}, {@code lag}, {@code checkedAt}), the least
 * fresh of the answers a sheet was made of, and whether every event was counted (a warning when events were still
 * waiting or that could not be told). Always two lines, so that the tables below start on the same row.
 */
record FreshnessNote(Optional<Instant> checkedAt, Optional<Instant> newestEventRecordedAt, Long lag) {

    /** The oldest reading and newest event, the largest lag; unknown when any answer's lag is unknown or missing. */
    static FreshnessNote leastFresh(List<JsonNode> answers) {
        List<JsonNode> freshnesses = answers.stream().map(answer -> answer.path("freshness")).toList();
        boolean unknown = freshnesses.stream().anyMatch(freshness -> !freshness.path("lag").isNumber());
        Long lag = unknown ? null : freshnesses.stream().mapToLong(freshness -> freshness.path("lag").asLong()).max().orElse(0);
        return new FreshnessNote(earliest(freshnesses, "checkedAt"), earliest(freshnesses, "newestEventRecordedAt"), lag);
    }

    SheetWriter write(ExportContext context, SheetWriter sheet) {
        sheet.note(context.text("export.freshness"), context.text("export.freshness.value",
                checkedAt.map(context::cityTime).orElse("—"), newestEventRecordedAt.map(context::cityTime).orElse("—")));
        return sheet.note(context.text("export.freshness.counted"), lag == null ? context.text("export.freshness.unknown")
                : lag > 0 ? context.text("export.freshness.waiting", String.valueOf(lag)) : context.text("export.freshness.all"));
    }

    private static Optional<Instant> earliest(List<JsonNode> freshnesses, String field) {
        return freshnesses.stream()
                .flatMap(freshness -> freshness.path(field).isString() ? Stream.of(Instant.parse(freshness.path(field).asString())) : Stream.empty())
                .min(Comparator.naturalOrder());
    }
}
