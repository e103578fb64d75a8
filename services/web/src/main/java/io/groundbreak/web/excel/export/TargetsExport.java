package io.groundbreak.web.excel.export;

import io.groundbreak.web.excel.writing.Percent;
import io.groundbreak.web.excel.writing.SheetWriter;
import io.groundbreak.web.excel.writing.StreamingWorkbook;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Progress against the targets (issue 19 item 1): funnel-service's answer of {@code GET /api/supervision/targets}
 * as it is — per district (the total first), per chain, per cell — and the history of the targets of the same scope
 * ({@code GET /api/supervision/targets/history}). Each measure in three columns: target (empty where none is set),
 * actual and percent (the API's, empty where it has none); counts as whole numbers, investment in 万元.
 */
record TargetsExport(String district, String chain, JsonNode answer, JsonNode history, FreshnessNote freshness) {

    /** The measures of a target, in the API's order. */
    static final List<String> MEASURES = List.of("signed", "landed", "started", "producing", "plannedInvestmentCny",
            "completedInvestmentCny");

    void write(ExportContext context, OutputStream out) throws IOException {
        try (StreamingWorkbook book = new StreamingWorkbook()) {
            figuresSheet(context, book, "by-district", "district", answer.path("byDistrict"));
            figuresSheet(context, book, "by-chain", "chain", answer.path("byChain"));
            cellsSheet(context, book);
            historySheet(context, book);
            book.write(out);
        }
    }

    private SheetWriter noted(ExportContext context, StreamingWorkbook book, String sheetKey) {
        SheetWriter sheet = context.scope(
                context.sheet(book, "export.sheet.targets-" + sheetKey, "export.title.targets-" + sheetKey, "export.targets")
                        .note(context.text("export.year"), answer.path("year").asString()),
                answer.path(answer.has("until") ? "until" : "asOf").asString(), district, chain);
        return freshness.write(context, context.signed(sheet));
    }

    private static List<String> measureHeaders(ExportContext context) {
        List<String> headers = new ArrayList<>();
        for (String measure : MEASURES) {
            String name = context.text("export.measure." + measure);
            headers.add(context.text("export.col.target", name));
            headers.add(context.text("export.col.actual", name));
            headers.add(context.text("export.col.percent", name));
        }
        return headers;
    }

    /** The total, then one row per district (or chain) of the answer, in its order. */
    private void figuresSheet(ExportContext context, StreamingWorkbook book, String sheetKey, String by, JsonNode entries) {
        List<String> headers = new ArrayList<>(List.of(context.text("export.col." + by)));
        headers.addAll(measureHeaders(context));
        SheetWriter sheet = noted(context, book, sheetKey).blank().header(headers.toArray(String[]::new));
        sheet.widths(widths(1));
        sheet.row(row(List.of(context.text("export.total")), answer.path("total").path("figures")));
        for (JsonNode entry : entries) {
            sheet.row(row(List.of(name(context, by, label(entry))), entry.path("figures")));
        }
        sheet.end();
    }

    private void cellsSheet(ExportContext context, StreamingWorkbook book) {
        List<String> headers = new ArrayList<>(List.of(context.text("export.col.district"), context.text("export.col.chain")));
        headers.addAll(measureHeaders(context));
        SheetWriter sheet = noted(context, book, "cells").blank().header(headers.toArray(String[]::new));
        sheet.widths(widths(2));
        for (JsonNode cell : answer.path("cells")) {
            sheet.row(row(List.of(name(context, "district", cell.path("district")), name(context, "chain", cell.path("chain"))),
                    cell.path("figures")));
        }
        sheet.end();
    }

    /** Every change of the targets of the scope, newest first: when, who, why, the cell and its targets. */
    private void historySheet(ExportContext context, StreamingWorkbook book) {
        List<String> headers = new ArrayList<>(List.of(context.text("export.col.recorded-at"), context.text("export.col.recorded-by"),
                context.text("export.col.reason"), context.text("export.col.district"), context.text("export.col.chain")));
        MEASURES.forEach(measure -> headers.add(context.text("export.col.target", context.text("export.measure." + measure))));
        SheetWriter sheet = noted(context, book, "history").blank().header(headers.toArray(String[]::new));
        sheet.widths(20, 12, 40, 14, 18, 12, 12, 12, 12, 18, 18);
        for (JsonNode change : history.path("changes")) {
            List<Object> values = new ArrayList<>(List.of(
                    context.cityTime(Instant.parse(change.path("time").asString())), change.path("recordedBy").asString(""),
                    change.path("reason").asString(""), name(context, "district", change.path("district")),
                    name(context, "chain", change.path("chain"))));
            JsonNode target = change.has("target") ? change.path("target") : change.path("figures");
            MEASURES.forEach(measure -> values.add(value(measure, target.path(measure))));
            sheet.row(values.toArray());
        }
        sheet.end();
    }

    private static Object[] row(List<Object> first, JsonNode figures) {
        List<Object> values = new ArrayList<>(first);
        for (String measure : MEASURES) {
            JsonNode figure = figures.path(measure);
            values.add(value(measure, figure.path("target")));
            values.add(value(measure, figure.path("actual")));
            JsonNode percent = figure.path("percent");
            values.add(percent.isNumber() ? new Percent(percent.doubleValue() / 100) : null);
        }
        return values.toArray();
    }

    /** A count as a whole number, an investment figure in 万元; null (no target) stays empty. */
    private static Object value(String measure, JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        return measure.endsWith("Cny") ? ExportContext.amount(node) : (Object) node.asLong();
    }

    /** A row's label: funnel-service's rows carry code and names themselves (plan/TARGETS.md put them under "label"). */
    private static JsonNode label(JsonNode entry) {
        return entry.has("label") ? entry.path("label") : entry;
    }

    /** A label of the answer by its code, named as the reference data names it (the answer's own names otherwise). */
    private static String name(ExportContext context, String by, JsonNode label) {
        String code = label.path("code").asString(null);
        if (code == null || code.isBlank()) {
            return context.text("export.total");
        }
        String named = by.equals("district") ? context.district(code) : context.chain(code);
        return named.equals(code) ? context.label(label) : named;
    }

    private static int[] widths(int labels) {
        int[] widths = new int[labels + MEASURES.size() * 3];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = i < labels ? 18 : 14;
        }
        return widths;
    }
}
