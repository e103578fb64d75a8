package io.groundbreak.web.briefing;

import io.groundbreak.kit.security.CurrentUser;
import io.groundbreak.reference.ReferenceData;
import io.groundbreak.web.excel.ExcelTexts;
import io.groundbreak.web.excel.writing.Amount;
import io.groundbreak.web.excel.writing.Percent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * The briefing's parts, in the order of the meeting: the overview, targets against actual (project counts, then
 * investment), the lights, the red list with its responsible persons, what moved this month, the monthly close and its
 * restatements. The same parts make the workbook's sheets and the PDF's tables.
 */
final class BriefingSections {

    static final List<String> COUNT_MEASURES = List.of("signed", "landed", "started", "producing");
    static final List<String> INVESTMENT_MEASURES = List.of("plannedInvestmentCny", "completedInvestmentCny");
    private static final DateTimeFormatter CITY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final Briefing briefing;
    private final BriefingTexts texts;
    private final Locale locale;
    private final ReferenceData reference;
    private final CurrentUser user;
    private final Instant at;

    BriefingSections(Briefing briefing, BriefingTexts texts, Locale locale, ReferenceData reference, CurrentUser user,
                     Instant at) {
        this.briefing = briefing;
        this.texts = texts;
        this.locale = locale;
        this.reference = reference;
        this.user = user;
        this.at = at;
    }

    BriefingScope scope() {
        return briefing.scope();
    }

    /** "2025-06 月度调度简报 · 滨海新区" */
    String title() {
        return text("briefing.title", briefing.scope().month().toString(), scopeName());
    }

    String scopeName() {
        BriefingScope scope = briefing.scope();
        if (scope.district() != null) {
            return reference.district(scope.district()).map(d -> english() ? d.nameEn() : d.nameZh()).orElse(scope.district());
        }
        if (scope.chain() != null) {
            return reference.chain(scope.chain()).map(c -> english() ? c.nameEn() : c.nameZh()).orElse(scope.chain());
        }
        return text("briefing.scope.city");
    }

    List<Section> all() {
        return List.of(overview(), targets("counts", COUNT_MEASURES), targets("investment", INVESTMENT_MEASURES),
                lights(), red(), moved(), closes(), restatements());
    }

    /** What every part starts with: the scope, the month, the date, who and when, the unit, how fresh. */
    private List<Note> notes() {
        List<Note> notes = new ArrayList<>();
        BriefingScope scope = briefing.scope();
        notes.add(new Note(text("briefing.note.scope"), scope.district() != null ? text("briefing.scope.district", scopeName())
                : scope.chain() != null ? text("briefing.scope.chain", scopeName()) : scopeName()));
        notes.add(new Note(text("briefing.note.month"), scope.month().toString()));
        notes.add(new Note(text("briefing.note.as-of"), scope.asOf().toString()));
        notes.add(new Note(text("briefing.note.by"), user.name()));
        notes.add(new Note(text("briefing.note.at"), CITY_TIME.format(at)));
        notes.add(new Note(text("briefing.note.unit"), text("briefing.unit")));
        List<JsonNode> freshness = briefing.answers().stream().map(answer -> answer.path("freshness")).toList();
        notes.add(new Note(text("briefing.note.freshness"), text("briefing.freshness.value",
                earliest(freshness, "checkedAt"), earliest(freshness, "newestEventRecordedAt"))));
        boolean unknown = freshness.stream().anyMatch(f -> !f.path("lag").isNumber());
        long lag = freshness.stream().mapToLong(f -> f.path("lag").asLong(0)).max().orElse(0);
        notes.add(new Note(text("briefing.note.counted"), unknown ? text("briefing.freshness.unknown")
                : lag > 0 ? text("briefing.freshness.waiting", String.valueOf(lag)) : text("briefing.freshness.all")));
        return notes;
    }

    Section overview() {
        List<Object[]> rows = new ArrayList<>();
        JsonNode total = briefing.targets().path("total").path("figures");
        for (String measure : Stream.concat(COUNT_MEASURES.stream(), INVESTMENT_MEASURES.stream()).toList()) {
            JsonNode figure = total.path(measure);
            rows.add(new Object[] {text("briefing.overview.targets"), text("briefing.measure." + measure),
                    number(figure.path("actual"), measure), number(figure.path("target"), measure), percent(figure.path("percent"))});
        }
        JsonNode counts = briefing.lights().path("total");
        for (String light : List.of("red", "amber", "green")) {
            rows.add(new Object[] {text("briefing.overview.lights"), text("briefing.light." + light),
                    counts.path(light).asLong(), null, null});
        }
        briefing.moved().forEach((stage, items) -> rows.add(new Object[] {text("briefing.overview.moved"), stage(stage),
                (long) items.size(), null, null}));
        if (briefing.closes() != null) {
            for (String status : List.of("on-time", "late", "not-closed")) {
                long count = count(briefing.closes().path("districts"), "status", status);
                rows.add(new Object[] {text("briefing.overview.closes"), text("briefing.close." + status), count, null, null});
            }
        } else {
            JsonNode month = briefing.months().get(0);
            rows.add(new Object[] {text("briefing.overview.closes"), closeState(month), null, null, null});
        }
        rows.add(new Object[] {text("briefing.overview.closes"), text("briefing.overview.restatements"),
                (long) restatementCount(), null, null});
        return new Section(text("briefing.sheet.overview"), title(), notes(),
                List.of(text("briefing.col.part"), text("briefing.col.item"), text("briefing.col.actual"),
                        text("briefing.col.target"), text("briefing.col.percent")),
                new int[] {16, 24, 16, 16, 10}, rows);
    }

    /** Targets against actual for the year to the month's end: the scope's total, then each district and each chain. */
    Section targets(String kind, List<String> measures) {
        List<String> header = new ArrayList<>(List.of(text("briefing.col.dimension"), text("briefing.col.name")));
        List<Integer> widths = new ArrayList<>(List.of(10, 18));
        for (String measure : measures) {
            String name = text("briefing.measure." + measure);
            header.add(name + " " + text("briefing.col.target"));
            header.add(name + " " + text("briefing.col.actual"));
            header.add(name + " " + text("briefing.col.percent"));
            widths.addAll(kind.equals("counts") ? List.of(9, 9, 9) : List.of(16, 16, 10));
        }
        List<Object[]> rows = new ArrayList<>();
        JsonNode targets = briefing.targets();
        rows.add(targetRow(text("briefing.dimension.total"), scopeName(), targets.path("total").path("figures"), measures));
        for (JsonNode entry : targets.path("byDistrict")) {
            rows.add(targetRow(text("briefing.dimension.district"), rowLabel(entry), entry.path("figures"), measures));
        }
        for (JsonNode entry : targets.path("byChain")) {
            rows.add(targetRow(text("briefing.dimension.chain"), rowLabel(entry), entry.path("figures"), measures));
        }
        List<Note> notes = new ArrayList<>(notes());
        // until: the last day the actuals count (asOf, at most the year's end)
        notes.add(new Note(text("briefing.note.year"), text("briefing.year-window", targets.path("year").asString(),
                targets.path("until").isString() ? targets.path("until").asString() : targets.path("asOf").asString())));
        return new Section(text("briefing.sheet.targets-" + kind), text("briefing.title.targets-" + kind), notes, header,
                widths.stream().mapToInt(Integer::intValue).toArray(), rows);
    }

    private Object[] targetRow(String dimension, String name, JsonNode figures, List<String> measures) {
        List<Object> row = new ArrayList<>(List.of(dimension, name));
        for (String measure : measures) {
            JsonNode figure = figures.path(measure);
            row.add(number(figure.path("target"), measure));
            row.add(number(figure.path("actual"), measure));
            row.add(percent(figure.path("percent")));
        }
        return row.toArray();
    }

    Section lights() {
        List<Object[]> rows = new ArrayList<>();
        JsonNode lights = briefing.lights();
        rows.add(lightRow(text("briefing.dimension.total"), scopeName(), lights.path("total")));
        for (JsonNode entry : lights.path("byDistrict")) {
            rows.add(lightRow(text("briefing.dimension.district"), label(entry), entry));
        }
        for (JsonNode entry : lights.path("byChain")) {
            rows.add(lightRow(text("briefing.dimension.chain"), label(entry), entry));
        }
        return new Section(text("briefing.sheet.lights"), text("briefing.title.lights"), notes(),
                List.of(text("briefing.col.dimension"), text("briefing.col.name"), text("briefing.light.red"),
                        text("briefing.light.amber"), text("briefing.light.green"), text("briefing.col.total")),
                new int[] {10, 20, 8, 8, 8, 8}, rows);
    }

    private static Object[] lightRow(String dimension, String name, JsonNode counts) {
        return new Object[] {dimension, name, counts.path("red").asLong(), counts.path("amber").asLong(),
                counts.path("green").asLong(), counts.path("total").asLong()};
    }

    /** Every red project with the rule that set the light and who answers for it. */
    Section red() {
        List<Object[]> rows = new ArrayList<>();
        for (JsonNode item : briefing.red()) {
            rows.add(new Object[] {item.path("code").asString(""), item.path("name").asString(""),
                    label(item.path("district")), label(item.path("chain")), label(item.path("stage")),
                    item.path("stageSince").asString(null), item.path("light").path("detail").asString(null),
                    item.path("responsiblePerson").asString(null), item.path("responsibleLeader").asString(null),
                    amount(item.path("plannedInvestmentCny"))});
        }
        List<Note> notes = new ArrayList<>(notes());
        notes.add(new Note(text("briefing.note.count"), String.valueOf(rows.size())));
        return new Section(text("briefing.sheet.red"), text("briefing.title.red"), notes,
                List.of(text("briefing.col.code"), text("briefing.col.project"), text("briefing.col.district"),
                        text("briefing.col.chain"), text("briefing.col.stage"), text("briefing.col.since"),
                        text("briefing.col.rule"), text("briefing.col.responsible-person"),
                        text("briefing.col.responsible-leader"), text("briefing.col.planned")),
                new int[] {18, 28, 10, 14, 8, 11, 36, 10, 16, 14}, rows);
    }

    /** The projects that reached each stage in the month (as the funnel counts "reached"). */
    Section moved() {
        List<Object[]> rows = new ArrayList<>();
        briefing.moved().forEach((stage, items) -> {
            for (JsonNode item : items) {
                rows.add(new Object[] {stage(stage), item.path("code").asString(""), item.path("name").asString(""),
                        label(item.path("district")), label(item.path("chain")), label(item.path("stage")),
                        texts.textOr(locale, "briefing.status." + item.path("status").asString(),
                                item.path("status").asString()),
                        item.path("responsiblePerson").asString(null), amount(item.path("plannedInvestmentCny"))});
            }
        });
        List<Note> notes = new ArrayList<>(notes());
        briefing.moved().forEach((stage, items) -> notes.add(new Note(text("briefing.note.reached", stage(stage)),
                String.valueOf(items.size()))));
        return new Section(text("briefing.sheet.moved"), text("briefing.title.moved"), notes,
                List.of(text("briefing.col.reached"), text("briefing.col.code"), text("briefing.col.project"),
                        text("briefing.col.district"), text("briefing.col.chain"), text("briefing.col.current-stage"),
                        text("briefing.col.status"), text("briefing.col.responsible-person"), text("briefing.col.planned")),
                new int[] {10, 18, 30, 10, 14, 10, 8, 10, 14}, rows);
    }

    /** Whether, when and by whom each district (or the one district) closed the month. */
    Section closes() {
        List<Object[]> rows = new ArrayList<>();
        List<Note> notes = new ArrayList<>(notes());
        if (briefing.closes() != null) {
            JsonNode board = briefing.closes();
            notes.add(new Note(text("briefing.note.deadline"), board.path("deadline").asString("")));
            for (JsonNode district : board.path("districts")) {
                rows.add(new Object[] {english() ? district.path("nameEn").asString("") : district.path("nameZh").asString(""),
                        texts.textOr(locale, "briefing.close." + district.path("status").asString(),
                                district.path("status").asString()), time(district.path("closedAt")),
                        district.path("closedBy").asString(null), district.path("reopens").asLong(0)});
            }
        } else {
            JsonNode month = briefing.months().get(0);
            rows.add(new Object[] {scopeName(), closeState(month), time(month.path("closedAt")),
                    month.path("closedBy").asString(null), count(month.path("history"), "action", "reopen")});
        }
        return new Section(text("briefing.sheet.closes"), text("briefing.title.closes"), notes,
                List.of(text("briefing.col.district"), text("briefing.col.close-status"), text("briefing.col.closed-at"),
                        text("briefing.col.closed-by"), text("briefing.col.reopens")),
                new int[] {14, 12, 20, 12, 8}, rows);
    }

    /** The events recorded after a district closed the month that changed its figures. */
    Section restatements() {
        List<Object[]> rows = new ArrayList<>();
        for (JsonNode month : briefing.months()) {
            String district = reference.district(month.path("district").asString())
                    .map(d -> english() ? d.nameEn() : d.nameZh()).orElse(month.path("district").asString(""));
            for (JsonNode restatement : month.path("restatements")) {
                List<String> changes = new ArrayList<>();
                for (JsonNode change : restatement.path("changes")) {
                    String stage = change.path("stage").isString() ? stage(change.path("stage").asString()) + " · " : "";
                    String figure = change.path("figure").asString();
                    changes.add(stage + texts.textOr(locale, "briefing.figure." + figure, figure) + " "
                            + changed(figure, change.path("before")) + " → " + changed(figure, change.path("after")));
                }
                rows.add(new Object[] {district, restatement.path("code").asString(""), restatement.path("name").asString(""),
                        texts.textOr(locale, "briefing.event." + restatement.path("type").asString(),
                                restatement.path("type").asString()),
                        restatement.path("stage").isString() ? stage(restatement.path("stage").asString()) : null,
                        restatement.path("effective").asString(null), time(restatement.path("recordedAt")),
                        restatement.path("recordedBy").asString(null), String.join("；", changes)});
            }
        }
        List<Note> notes = new ArrayList<>(notes());
        notes.add(new Note(text("briefing.note.count"), String.valueOf(rows.size())));
        if (briefing.scope().chain() != null) {
            notes.add(new Note(text("briefing.note.restatements-scope"), text("briefing.restatements.city-wide")));
        }
        return new Section(text("briefing.sheet.restatements"), text("briefing.title.restatements"), notes,
                List.of(text("briefing.col.district"), text("briefing.col.code"), text("briefing.col.project"),
                        text("briefing.col.event"), text("briefing.col.stage"), text("briefing.col.effective"),
                        text("briefing.col.recorded-at"), text("briefing.col.recorded-by"), text("briefing.col.changes")),
                new int[] {10, 16, 24, 14, 8, 11, 19, 10, 50}, rows);
    }

    /** A restated figure's value: an amount (yuan) in 万元, a count as it is. */
    private static String changed(String figure, JsonNode value) {
        return figure.endsWith("Cny") && !value.asString("").isEmpty() ? BriefingPdf.format(amount(value)) : value.asString("");
    }

    int restatementCount() {
        return briefing.months().stream().mapToInt(month -> month.path("restatements").size()).sum();
    }

    private String closeState(JsonNode month) {
        return "closed".equals(month.path("status").asString()) ? text("briefing.close.closed") : text("briefing.close.open");
    }

    /** How many elements of an array have this value in this field. */
    private static long count(JsonNode array, String field, String value) {
        long count = 0;
        for (JsonNode element : array) {
            count += value.equals(element.path(field).asString()) ? 1 : 0;
        }
        return count;
    }

    private String text(String key, Object... arguments) {
        return texts.text(locale, key, arguments);
    }

    private boolean english() {
        return ExcelTexts.isEnglish(locale);
    }

    /** A label {code, nameZh, nameEn} in the briefing's language. */
    private String label(JsonNode label) {
        if (label == null || !label.isObject()) {
            return null;
        }
        return (english() ? label.path("nameEn") : label.path("nameZh")).asString(label.path("code").asString(""));
    }

    /** A row of the targets: its label under {@code label}, or its code and names on the row itself. */
    private String rowLabel(JsonNode row) {
        return row.path("label").isObject() ? label(row.path("label")) : label(row);
    }

    private String stage(String code) {
        return reference.stages().stream().filter(s -> s.code().equals(code)).findFirst()
                .map(s -> english() ? s.nameEn() : s.nameZh()).orElse(code);
    }

    private static String time(JsonNode instant) {
        return instant.isString() ? CITY_TIME.format(Instant.parse(instant.asString())) : null;
    }

    /** A count as a whole number, an investment figure (a yuan decimal string) as an amount; null stays empty. */
    private static Object number(JsonNode node, String measure) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        return measure.endsWith("Cny") ? amount(node) : (Object) node.asLong();
    }

    private static Amount amount(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        return new Amount(node.isNumber() ? node.decimalValue() : new BigDecimal(node.asString()));
    }

    /** percent as the API gives it (66.7 for 66.7 %), null without a target. */
    private static Percent percent(JsonNode node) {
        return node.isNumber() ? new Percent(node.doubleValue() / 100) : null;
    }

    private static String earliest(List<JsonNode> freshness, String field) {
        Optional<Instant> earliest = freshness.stream()
                .flatMap(f -> f.path(field).isString() ? Stream.of(Instant.parse(f.path(field).asString())) : Stream.empty())
                .min(Comparator.naturalOrder());
        return earliest.map(CITY_TIME::format).orElse("—");
    }
}
