package io.groundbreak.web.excel.export;

import io.groundbreak.events.Stage;
import io.groundbreak.reference.StageInfo;
import io.groundbreak.web.config.WebProperties;
import io.groundbreak.web.excel.writing.Percent;
import io.groundbreak.web.excel.writing.SheetWriter;
import io.groundbreak.web.excel.writing.StreamingWorkbook;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Every view of the leaders' dashboard for one set of filters, one sheet each: the funnel with its
 * conversions, the league tables by district and by chain, the monthly trend, the cycle times, the
 * stalled projects (red and amber by the dashboard's thresholds) and the cohorts. Each sheet notes its filters.
 */
record DashboardExport(JsonNode funnel, JsonNode byDistrict, JsonNode byChain, JsonNode trend, JsonNode cycleTimes,
                       List<JsonNode> stalled, JsonNode cohorts, String district, String chain,
                       WebProperties.Stalled thresholds, FreshnessNote freshness) {

    void write(ExportContext context, OutputStream out) throws IOException {
        try (StreamingWorkbook book = new StreamingWorkbook()) {
            funnelSheet(context, book);
            breakdownSheet(context, book, byDistrict, "by-district", "export.col.district");
            breakdownSheet(context, book, byChain, "by-chain", "export.col.chain");
            trendSheet(context, book);
            cycleTimeSheet(context, book);
            stalledSheet(context, book);
            cohortSheet(context, book);
            book.write(out);
        }
    }

    private SheetWriter start(ExportContext context, StreamingWorkbook book, String view) {
        SheetWriter sheet = context.scope(
                context.sheet(book, "export.sheet." + view, "export.title." + view, "export.dashboard"),
                funnel.path("asOf").asString(), district, chain);
        return freshness.write(context, context.signed(sheet));
    }

    private void funnelSheet(ExportContext context, StreamingWorkbook book) {
        Map<String, Double> conversionFrom = new HashMap<>();
        for (JsonNode conversion : funnel.path("conversions")) {
            if (!conversion.path("rate").isNull()) {
                conversionFrom.put(conversion.path("from").asString(), conversion.path("rate").asDouble());
            }
        }
        SheetWriter sheet = start(context, book, "funnel").blank()
                .header(context.text("export.col.stage"), context.text("export.col.reached"),
                        context.text("export.col.current"), context.text("export.col.lost"),
                        context.text("export.col.reached-investment"), context.text("export.col.current-investment"),
                        context.text("export.col.conversion"))
                .widths(14, 12, 12, 12, 22, 22, 20);
        for (JsonNode stage : funnel.path("stages")) {
            String code = stage.path("stage").asString();
            Double rate = conversionFrom.get(code);
            sheet.row(context.stage(code), stage.path("reached").asLong(), stage.path("current").asLong(),
                    stage.path("lost").asLong(), ExportContext.amount(stage.path("reachedInvestmentCny")),
                    ExportContext.amount(stage.path("currentInvestmentCny")), rate == null ? null : new Percent(rate));
        }
        sheet.end();
    }

    private void breakdownSheet(ExportContext context, StreamingWorkbook book, JsonNode breakdown, String view,
                                String firstColumn) {
        List<String> headers = new ArrayList<>(List.of(context.text(firstColumn)));
        List<StageInfo> stages = context.reference().stages();
        stages.forEach(s -> headers.add(context.text("export.col.reached-at", context.stage(s.code()))));
        stages.forEach(s -> headers.add(context.text("export.col.current-at", context.stage(s.code()))));
        headers.add(context.text("export.col.lost"));
        headers.add(context.text("export.col.reached-investment"));
        SheetWriter sheet = start(context, book, view).blank().header(headers.toArray(String[]::new))
                .widths(18, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 10, 22);
        for (JsonNode entry : breakdown.path("funnels")) {
            List<Object> row = new ArrayList<>();
            row.add(context.label(entry));
            entry.path("stages").forEach(stage -> row.add(stage.path("reached").asLong()));
            entry.path("stages").forEach(stage -> row.add(stage.path("current").asLong()));
            long lost = 0;
            for (JsonNode stage : entry.path("stages")) {
                lost += stage.path("lost").asLong();
            }
            row.add(lost);
            row.add(ExportContext.amount(entry.path("stages").path(0).path("reachedInvestmentCny")));
            sheet.row(row.toArray());
        }
        sheet.end();
    }

    private void trendSheet(ExportContext context, StreamingWorkbook book) {
        List<String> headers = new ArrayList<>(List.of(context.text("export.col.month")));
        context.reference().stages().forEach(s -> headers.add(context.stage(s.code())));
        SheetWriter sheet = start(context, book, "trend")
                .note(context.text("export.trend-months"), trend.path("from").asString() + " – " + trend.path("to").asString())
                .blank().header(headers.toArray(String[]::new)).widths(12, 10, 10, 10, 10, 10);
        for (JsonNode month : trend.path("months")) {
            List<Object> row = new ArrayList<>(List.of(month.path("month").asString()));
            month.path("stages").forEach(stage -> row.add(stage.path("reached").asLong()));
            sheet.row(row.toArray());
        }
        sheet.end();
    }

    private void cycleTimeSheet(ExportContext context, StreamingWorkbook book) {
        SheetWriter sheet = start(context, book, "cycle-times").blank()
                .header(context.text("export.col.from"), context.text("export.col.to"), context.text("export.col.count"),
                        context.text("export.col.median"), context.text("export.col.p90"))
                .widths(12, 12, 10, 14, 14);
        for (JsonNode time : cycleTimes.path("cycleTimes")) {
            sheet.row(context.stage(time.path("from").asString()), context.stage(time.path("to").asString()),
                    time.path("count").asLong(), time.path("medianDays").isNumber() ? time.path("medianDays").asDouble() : null,
                    time.path("p90Days").isNumber() ? time.path("p90Days").asDouble() : null);
        }
        sheet.end();
    }

    /** A row per transition and period, as the dashboard's heat table: counts, each window's share, open windows. */
    private void cohortSheet(ExportContext context, StreamingWorkbook book) {
        List<String> headers = new ArrayList<>(List.of(context.text("export.col.transition"),
                context.text("export.col.period"), context.text("export.col.count")));
        List<Integer> days = new ArrayList<>();
        cohorts.path("transitions").path(0).path("periods").path(0).path("within")
                .forEach(window -> days.add(window.path("days").asInt()));
        days.forEach(window -> {
            headers.add(context.text("export.col.within", window));
            headers.add(context.text("export.col.share", window));
        });
        headers.addAll(List.of(context.text("export.col.reached-next"), context.text("export.col.waiting"),
                context.text("export.col.lost"), context.text("export.col.open-windows")));
        SheetWriter sheet = start(context, book, "cohorts")
                .note(context.text("export.cohorts-by"), context.text("export.cohorts-by." + cohorts.path("by").asString()))
                .note(context.text("export.cohorts-periods"),
                        cohorts.path("from").asString() + " – " + cohorts.path("to").asString())
                .blank().header(headers.toArray(String[]::new)).widths(16, 12, 10, 10, 12, 10, 12, 10, 12, 10, 10, 10, 16);
        for (JsonNode transition : cohorts.path("transitions")) {
            String link = context.stage(transition.path("from").asString()) + "→"
                    + context.stage(transition.path("to").asString());
            for (JsonNode period : transition.path("periods")) {
                long projects = period.path("projects").asLong();
                List<Object> row = new ArrayList<>(List.of(link, period.path("period").asString(), projects));
                List<String> open = new ArrayList<>();
                for (JsonNode window : period.path("within")) {
                    long reached = window.path("reached").asLong();
                    row.add(reached);
                    row.add(projects == 0 ? null : new Percent((double) reached / projects));
                    if (!window.path("closed").asBoolean()) {
                        open.add(String.valueOf(window.path("days").asInt()));
                    }
                }
                row.addAll(List.of(period.path("reached").asLong(), period.path("waiting").asLong(),
                        period.path("lost").asLong(), String.join(", ", open)));
                sheet.row(row.toArray());
            }
        }
        sheet.end();
    }

    private void stalledSheet(ExportContext context, StreamingWorkbook book) {
        LocalDate asOf = LocalDate.parse(funnel.path("asOf").asString());
        SheetWriter sheet = start(context, book, "stalled");
        for (Stage stage : Stage.values()) {
            if (thresholds.amberDays().containsKey(stage)) {
                sheet.note(context.stage(stage.name()), context.text("export.alert.amber") + " > "
                        + thresholds.amberDays().get(stage) + " · " + context.text("export.alert.red") + " > "
                        + thresholds.redDays().get(stage));
            }
        }
        sheet.blank().header(context.text("export.col.alert"), context.text("export.col.code"),
                        context.text("export.col.name"), context.text("export.col.district"),
                        context.text("export.col.chain"), context.text("export.col.stage"), context.text("export.col.since"),
                        context.text("export.col.days"), context.text("export.col.status"), context.text("export.col.planned"))
                .widths(8, 20, 30, 12, 18, 10, 12, 12, 10, 18);
        for (JsonNode item : stalled) {
            Stage stage = Stage.valueOf(item.path("stage").path("code").asString());
            long days = ChronoUnit.DAYS.between(LocalDate.parse(item.path("stageSince").asString()), asOf);
            Integer amber = thresholds.amberDays().get(stage);
            Integer red = thresholds.redDays().get(stage);
            if (amber == null || days <= amber) {
                continue;
            }
            sheet.row(context.text(days > red ? "export.alert.red" : "export.alert.amber"), item.path("code").asString(),
                    item.path("name").asString(), context.label(item.path("district")), context.label(item.path("chain")),
                    context.label(item.path("stage")), item.path("stageSince").asString(), days,
                    context.text("export.status." + item.path("status").asString()),
                    ExportContext.amount(item.path("plannedInvestmentCny")));
        }
        sheet.end();
    }
}
