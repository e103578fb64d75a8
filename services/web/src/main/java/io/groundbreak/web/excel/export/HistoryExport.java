package io.groundbreak.web.excel.export;

import io.groundbreak.web.excel.writing.SheetWriter;
import io.groundbreak.web.excel.writing.StreamingWorkbook;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A project's complete history for auditors: one line per event with who recorded it and when, its
 * content readable, and its body as stored with the envelope's time and hashes, from which the hash
 * can be recomputed.
 */
record HistoryExport(String projectId, JsonNode events, FreshnessNote freshness) {

    void write(ExportContext context, ServiceReads json, OutputStream out) throws IOException {
        String project = projectId;
        for (JsonNode event : events) {
            if ("ProjectRegistered".equals(event.path("type").asString())) {
                JsonNode data = event.path("data");
                project = data.path("code").asString() + " · " + data.path("name").asString() + " · " + projectId;
            }
        }
        try (StreamingWorkbook book = new StreamingWorkbook()) {
            SheetWriter sheet = context.sheet(book, "export.sheet.history", "export.history", "export.history")
                    .note(context.text("export.project"), project)
                    .note(context.text("export.events"), String.valueOf(events.size()));
            freshness.write(context, context.signed(sheet)).blank()
                    .header(context.text("export.col.sequence"), context.text("export.col.type"),
                            context.text("export.col.content"), context.text("export.col.recorded-by"),
                            context.text("export.col.recorded-at"), context.text("export.col.time"),
                            context.text("export.col.event-id"), context.text("export.col.data"),
                            context.text("export.col.prev-hash"), context.text("export.col.hash"))
                    .widths(6, 22, 60, 12, 20, 26, 38, 80, 66, 66);
            for (JsonNode event : events) {
                String time = event.path("time").asString();
                sheet.row(event.path("sequence").asLong(), event.path("type").asString(), content(event.path("data")),
                        event.path("recordedBy").asString(), context.cityTime(Instant.parse(time)), time,
                        event.path("id").asString(), json.write(event.path("data")), event.path("prevHash").asString(),
                        event.path("hash").asString());
            }
            sheet.end();
            book.write(out);
        }
    }

    private static String content(JsonNode data) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : data.properties()) {
            if (!field.getKey().equals("projectId")) {
                JsonNode value = field.getValue();
                parts.add(field.getKey() + ": " + (value.isValueNode() ? value.asString() : value.toString()));
            }
        }
        return String.join(" · ", parts);
    }
}
