package io.groundbreak.web.excel.export;

import io.groundbreak.web.excel.writing.SheetWriter;
import io.groundbreak.web.excel.writing.StreamingWorkbook;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * The lights of the supervision list (issue 19): the counts per district and chain, then every lit project of the
 * filter with its light and the rule that set it, with the filters it was asked with.
 */
record LightsExport(String asOf, String district, String chain, String light, JsonNode counts, List<JsonNode> items) {

    void write(ExportContext context, OutputStream out) throws IOException {
        try (StreamingWorkbook book = new StreamingWorkbook()) {
            SheetWriter sheet = context.scope(
                    context.sheet(book, "export.sheet.lights", "export.lights", "export.lights"), asOf, district, chain);
            if (light != null && !light.isBlank()) {
                sheet.note(context.text("export.light"), context.text("export.light." + light.strip().toUpperCase(Locale.ROOT)));
            }
            context.signed(sheet).note(context.text("export.count"), String.valueOf(items.size())).blank()
                    .header(context.text("export.col.light"), context.text("export.col.code"), context.text("export.col.name"),
                            context.text("export.col.district"), context.text("export.col.chain"),
                            context.text("export.col.stage"), context.text("export.col.since"),
                            context.text("export.col.status"), context.text("export.col.rule"),
                            context.text("export.col.responsible-person"), context.text("export.col.responsible-leader"),
                            context.text("export.col.source"), context.text("export.col.planned"),
                            context.text("export.col.project-id"))
                    .widths(8, 20, 30, 12, 18, 10, 12, 10, 40, 12, 14, 18, 18, 38);
            for (JsonNode item : items) {
                JsonNode lit = item.path("light");
                sheet.row(context.text("export.light." + lit.path("light").asString()), item.path("code").asString(),
                        item.path("name").asString(), context.label(item.path("district")), context.label(item.path("chain")),
                        context.label(item.path("stage")), item.path("stageSince").asString(null),
                        context.text("export.status." + item.path("status").asString()), lit.path("detail").asString(),
                        item.path("responsiblePerson").asString(null), item.path("responsibleLeader").asString(null),
                        item.path("source").isObject() ? context.label(item.path("source")) : null,
                        ExportContext.amount(item.path("plannedInvestmentCny")), item.path("projectId").asString());
            }
            sheet.end();
            countsSheet(context, book, "by-district", counts.path("byDistrict"));
            countsSheet(context, book, "by-chain", counts.path("byChain"));
            book.write(out);
        }
    }

    private void countsSheet(ExportContext context, StreamingWorkbook book, String by, JsonNode entries) {
        SheetWriter sheet = book.sheet(context.text("export.sheet.lights-" + by))
                .title(context.text("export.title.lights-" + by))
                .note(context.text("export.as-of"), asOf);
        context.signed(sheet).blank()
                .header(context.text("export.col." + by.substring(3)), context.text("export.light.GREEN"),
                        context.text("export.light.AMBER"), context.text("export.light.RED"), context.text("export.count"))
                .widths(20, 10, 10, 10, 10);
        for (JsonNode entry : entries) {
            sheet.row(context.label(entry), entry.path("green").asLong(), entry.path("amber").asLong(),
                    entry.path("red").asLong(), entry.path("total").asLong());
        }
        sheet.end();
    }
}
