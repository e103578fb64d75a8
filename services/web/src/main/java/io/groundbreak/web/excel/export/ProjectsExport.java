package io.groundbreak.web.excel.export;

import io.groundbreak.web.excel.writing.SheetWriter;
import io.groundbreak.web.excel.writing.StreamingWorkbook;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/** A project list of the dashboard (every page of it), with the filters it was asked with. */
record ProjectsExport(String asOf, String district, String chain, String stage, String figure, String stalledDays,
                      String cohort, String outcome, String reached, String reported, List<JsonNode> items) {

    void write(ExportContext context, OutputStream out) throws IOException {
        try (StreamingWorkbook book = new StreamingWorkbook()) {
            SheetWriter sheet = context.scope(
                    context.sheet(book, "export.sheet.projects", "export.projects", "export.projects"), asOf, district, chain);
            if (stage != null && !stage.isBlank()) {
                sheet.note(context.text("export.figure"), figure == null || figure.isBlank() ? context.stage(stage)
                        : context.text("export.figure." + figure, context.stage(stage)));
            }
            if (cohort != null && !cohort.isBlank()) {
                // SIGNED:2024-Q1 as funnel-service took it (it refused anything else before this is written)
                String[] stageAndPeriod = cohort.strip().split(":", 2);
                sheet.note(context.text("export.cohort"), context.text("export.cohort.value",
                        context.stage(stageAndPeriod[0]), stageAndPeriod[1]));
                if (outcome != null && !outcome.isBlank()) {
                    sheet.note(context.text("export.outcome"), context.text("export.outcome." + outcome.strip().toLowerCase(Locale.ROOT)));
                }
            }
            if (reached != null && !reached.isBlank()) {
                // SIGNED:2025 (a target's actual) as funnel-service took it
                String[] stageAndPeriod = reached.strip().split(":", 2);
                sheet.note(context.text("export.reached"), context.text("export.reached.value",
                        context.stage(stageAndPeriod[0]), stageAndPeriod.length > 1 ? stageAndPeriod[1] : ""));
            }
            if (reported != null && !reported.isBlank()) {
                // 2025 (a target's completed investment) as funnel-service took it
                sheet.note(context.text("export.reported"), context.text("export.reported.value", reported.strip()));
            }
            if (stalledDays != null && !stalledDays.isBlank()) {
                sheet.note(context.text("export.stalled-days"), stalledDays);
            }
            context.signed(sheet).note(context.text("export.count"), String.valueOf(items.size())).blank()
                    .header(context.text("export.col.code"), context.text("export.col.name"),
                            context.text("export.col.district"), context.text("export.col.chain"),
                            context.text("export.col.stage"), context.text("export.col.since"),
                            context.text("export.col.days"), context.text("export.col.status"),
                            context.text("export.col.planned"), context.text("export.col.project-id"))
                    .widths(20, 30, 12, 18, 10, 12, 12, 10, 18, 38);
            LocalDate day = LocalDate.parse(asOf);
            for (JsonNode item : items) {
                String since = item.path("stageSince").isNull() ? null : item.path("stageSince").asString(null);
                sheet.row(item.path("code").asString(), item.path("name").asString(), context.label(item.path("district")),
                        context.label(item.path("chain")), context.label(item.path("stage")), since,
                        since == null ? null : ChronoUnit.DAYS.between(LocalDate.parse(since), day),
                        context.text("export.status." + item.path("status").asString()),
                        ExportContext.amount(item.path("plannedInvestmentCny")), item.path("projectId").asString());
            }
            sheet.end();
            book.write(out);
        }
    }
}
