package io.groundbreak.web.excel.export;

import io.groundbreak.web.excel.writing.Amount;
import io.groundbreak.web.excel.writing.SheetWriter;
import io.groundbreak.web.excel.writing.StreamingWorkbook;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A district's month as audit-service answers it ({@code GET /api/periods/{m}?district=}): its figures as closed and
 * as known now with their difference, the restatements (the events recorded after the close that changed them) and
 * every close and reopen.
 */
record PeriodExport(JsonNode report, FreshnessNote freshness) {

    private static final List<String> STAGE_FIGURES = List.of("reachedInMonth", "reached", "current", "lost",
            "reachedInvestmentCny", "currentInvestmentCny");
    private static final List<String> MONTH_FIGURES = List.of("lostInMonth", "investmentReports", "completedInvestmentCny");

    void write(ExportContext context, OutputStream out) throws IOException {
        boolean closed = "closed".equals(report.path("status").asString());
        try (StreamingWorkbook book = new StreamingWorkbook()) {
            SheetWriter figures = notes(context, book.sheet(context.text("export.sheet.period")), closed)
                    .header(context.text("export.col.stage"), context.text("export.col.figure"),
                            context.text("export.col.as-closed"), context.text("export.col.known-now"),
                            context.text("export.col.difference"))
                    .widths(10, 30, 18, 18, 18);
            JsonNode asClosed = report.path("asClosed");
            JsonNode asKnownNow = report.path("asKnownNow");
            for (int i = 0; i < asKnownNow.path("stages").size(); i++) {
                JsonNode now = asKnownNow.path("stages").get(i);
                JsonNode then = asClosed.path("stages").path(i);
                for (String figure : STAGE_FIGURES) {
                    figureRow(context, figures, context.stage(now.path("stage").asString()), figure, then.path(figure),
                            now.path(figure), closed);
                }
            }
            for (String figure : MONTH_FIGURES) {
                figureRow(context, figures, null, figure, asClosed.path(figure), asKnownNow.path(figure), closed);
            }
            figures.end();

            SheetWriter restatements = notes(context, book.sheet(context.text("export.sheet.restatements")), closed)
                    .header(context.text("export.col.code"), context.text("export.col.name"),
                            context.text("export.col.type"), context.text("export.col.stage"),
                            context.text("export.col.effective"), context.text("export.col.recorded-at"),
                            context.text("export.col.recorded-by"), context.text("export.col.changes"),
                            context.text("export.col.event-id"), context.text("export.col.project-id"))
                    .widths(20, 30, 22, 10, 12, 20, 12, 80, 38, 38);
            for (JsonNode restatement : report.path("restatements")) {
                List<String> changes = new ArrayList<>();
                for (JsonNode change : restatement.path("changes")) {
                    String figure = context.text("export.period." + change.path("figure").asString());
                    String stage = change.path("stage").isString() ? context.stage(change.path("stage").asString()) + " · " : "";
                    changes.add(stage + figure + " " + change.path("before").asString() + " → "
                            + change.path("after").asString());
                }
                restatements.row(restatement.path("code").asString(""), restatement.path("name").asString(""),
                        restatement.path("type").asString(), restatement.path("stage").isString()
                                ? context.stage(restatement.path("stage").asString()) : null,
                        restatement.path("effective").asString(null),
                        context.cityTime(Instant.parse(restatement.path("recordedAt").asString())),
                        restatement.path("recordedBy").asString(), String.join("；", changes),
                        restatement.path("eventId").asString(), restatement.path("projectId").asString());
            }
            restatements.end();

            SheetWriter history = notes(context, book.sheet(context.text("export.sheet.closes")), closed)
                    .header(context.text("export.col.sequence"), context.text("export.col.action"),
                            context.text("export.col.at"), context.text("export.col.by"), context.text("export.col.reason"))
                    .widths(6, 14, 20, 14, 60);
            for (JsonNode act : report.path("history")) {
                history.row(act.path("step").asLong(), context.text("export.period.act." + act.path("action").asString()),
                        context.cityTime(Instant.parse(act.path("at").asString())), act.path("by").asString(),
                        act.path("reason").asString(null));
            }
            history.end();
            book.write(out);
        }
    }

    /** What every sheet starts with: the month, the district, whether and when it was closed, who exported, how fresh. */
    private SheetWriter notes(ExportContext context, SheetWriter sheet, boolean closed) {
        sheet.title(context.text("export.period"))
                .note(context.text("export.view"), context.text("export.period"))
                .note(context.text("export.month"), report.path("period").asString())
                .note(context.text("export.district"), context.district(report.path("district").asString()))
                .note(context.text("export.period.status"), closed
                        ? context.text("export.period.closed", context.cityTime(Instant.parse(report.path("closedAt").asString())),
                                report.path("closedBy").asString())
                        : context.text("export.period.open"));
        return freshness.write(context, context.signed(sheet)).blank();
    }

    /** Counts as whole numbers, amounts in 万元; an open month has nothing as closed and no difference. */
    private static void figureRow(ExportContext context, SheetWriter sheet, String stage, String figure, JsonNode then,
                                  JsonNode now, boolean closed) {
        boolean amount = figure.endsWith("Cny");
        sheet.row(stage, context.text("export.period." + figure), closed ? value(decimal(then), amount) : null,
                value(decimal(now), amount), closed ? value(decimal(now).subtract(decimal(then)), amount) : null);
    }

    private static Object value(BigDecimal number, boolean amount) {
        return amount ? new Amount(number) : (Object) number.longValueExact();
    }

    private static BigDecimal decimal(JsonNode node) {
        return node.isNumber() ? node.decimalValue() : new BigDecimal(node.asString());
    }
}
