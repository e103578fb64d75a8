package io.groundbreak.web.excel.importing;

import io.groundbreak.web.excel.ExcelTexts;
import io.groundbreak.reference.Chain;
import io.groundbreak.reference.District;
import io.groundbreak.reference.ReferenceData;
import io.groundbreak.reference.Source;
import io.groundbreak.reference.StageInfo;
import io.groundbreak.web.excel.reading.CellKind;
import io.groundbreak.web.excel.reading.SheetCell;
import io.groundbreak.web.excel.reading.SheetRow;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Judges the shape of one data row before anything is sent: the action and the columns it needs, values
 * that are dates, months, amounts, districts, chains and stages, no formulas. What the project's state
 * allows (stage order, dates, suspension, termination, district, duplicate codes) is left to
 * milestone-service, whose answer is the row's verdict. Every problem of a row is reported at once.
 */
final class RowParser {

    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*月?");
    private static final BigDecimal YUAN_PER_WAN = BigDecimal.valueOf(10_000);

    private final ImportHeader header;
    private final ReferenceData reference;
    private final String ownDistrict;
    private final ExcelTexts texts;
    private final Locale locale;

    RowParser(ImportHeader header, ReferenceData reference, String ownDistrict, ExcelTexts texts, Locale locale) {
        this.header = header;
        this.reference = reference;
        this.ownDistrict = ownDistrict;
        this.texts = texts;
        this.locale = locale;
    }

    ParsedRow parse(SheetRow row) {
        Map<ImportColumn, SheetCell> cells = new EnumMap<>(ImportColumn.class);
        for (ImportColumn column : ImportColumn.values()) {
            row.cell(header.indexOf(column)).ifPresent(cell -> cells.put(column, cell));
        }
        if (cells.isEmpty()) {
            return new EmptyRow(row.number());
        }
        ParsedRow judged = new Judgement(row.number(), cells).judge();
        if (judged instanceof RowWrite write) {
            return new RowWrite(write.row(), write.action(), write.code(), write.pathStage(), write.body(), canonical(row));
        }
        return judged;
    }

    /** The content of the row's template cells, as read: what its Idempotency-Key is derived from. */
    String canonical(SheetRow row) {
        List<String> parts = new ArrayList<>();
        for (ImportColumn column : ImportColumn.values()) {
            row.cell(header.indexOf(column)).ifPresent(cell -> parts.add(column.name() + "=" + cell.kind() + ":"
                    + cell.raw() + (cell.isFormula() ? "|=" + cell.formula() : "")));
        }
        return String.join("\u001f", parts);
    }

    /** One row being judged: its cells, and the problems found so far. */
    private final class Judgement {

        private final int row;
        private final Map<ImportColumn, SheetCell> cells;
        private final List<CellProblem> problems = new ArrayList<>();
        /** Columns whose text holds a character that cannot be kept: refused, and read no further. */
        private final Set<ImportColumn> unreadable = EnumSet.noneOf(ImportColumn.class);

        Judgement(int row, Map<ImportColumn, SheetCell> cells) {
            this.row = row;
            this.cells = cells;
        }

        ParsedRow judge() {
            cells.forEach((column, cell) -> {
                if (cell.isFormula()) {
                    problem(column, "row.formula", cell.reference(), cell.formula());
                } else if (cell.kind() == CellKind.ERROR) {
                    problem(column, "row.error-cell", cell.reference(), cell.raw());
                } else if (cell.kind() == CellKind.TEXT) {
                    unkeepable(column, cell.raw());
                }
            });
            String code = cells.containsKey(ImportColumn.CODE) && !cells.get(ImportColumn.CODE).isFormula()
                    ? text(ImportColumn.CODE).orElse(null) : null;
            Optional<ImportAction> action = action();
            if (!problems.isEmpty() || action.isEmpty()) {
                return refusal(action.orElse(null), code);
            }
            ImportAction act = action.get();
            String actionLabel = act.label(locale);
            for (ImportColumn column : act.required()) {
                if (!cells.containsKey(column)) {
                    problem(column, "column.required", actionLabel, column.header(locale));
                }
            }
            for (ImportColumn column : cells.keySet()) {
                if (column != ImportColumn.ACTION && !act.used().contains(column)
                        && !ImportAction.DESCRIPTIVE.contains(column)) {
                    problem(column, "column.unused", actionLabel, column.header(locale), cells.get(column).reference());
                }
            }
            Optional<String> district = district(act);
            Map<String, Object> body = new LinkedHashMap<>();
            String pathStage = null;
            switch (act) {
                case REGISTER -> {
                    if (code != null) {
                        body.put("projectId", ProjectIds.fromCode(code));
                    }
                    body.put("code", code);
                    put(body, "name", text(ImportColumn.NAME));
                    body.put("district", district.orElse(ownDistrict));
                    put(body, "chain", chain());
                    put(body, "investor", text(ImportColumn.INVESTOR));
                    put(body, "plannedInvestmentCny", amount(ImportColumn.PLANNED_INVESTMENT));
                    put(body, "park", text(ImportColumn.PARK));
                    putSupervision(body);
                }
                case MILESTONE -> {
                    put(body, "stage", stage());
                    put(body, "effectiveDate", date(ImportColumn.DATE));
                    put(body, "amountCny", amount(ImportColumn.AMOUNT));
                    put(body, "note", text(ImportColumn.REASON));
                }
                case CORRECTION -> {
                    pathStage = stage().orElse(null);
                    put(body, "effectiveDate", date(ImportColumn.DATE));
                    put(body, "amountCny", amount(ImportColumn.AMOUNT));
                    put(body, "reason", text(ImportColumn.REASON));
                }
                case RETRACTION -> {
                    pathStage = stage().orElse(null);
                    put(body, "reason", text(ImportColumn.REASON));
                }
                case SUSPENSION, RESUMPTION, TERMINATION -> {
                    put(body, "effectiveDate", date(ImportColumn.DATE));
                    put(body, "reason", text(ImportColumn.REASON));
                }
                case INVESTMENT_REPORT -> {
                    put(body, "period", period());
                    put(body, "cumulativeCompletedCny", amount(ImportColumn.CUMULATIVE_COMPLETED));
                }
                case AMENDMENT -> {
                    put(body, "name", text(ImportColumn.NAME));
                    put(body, "chain", chain());
                    put(body, "investor", text(ImportColumn.INVESTOR));
                    put(body, "plannedInvestmentCny", amount(ImportColumn.PLANNED_INVESTMENT));
                    put(body, "park", text(ImportColumn.PARK));
                    putSupervision(body);
                    if (body.isEmpty() && problems.isEmpty()) {
                        problem(null, "amendment.empty");
                    }
                    put(body, "reason", text(ImportColumn.REASON));
                }
                default -> throw new IllegalStateException("unknown action " + act);
            }
            if (!problems.isEmpty()) {
                return refusal(act, code);
            }
            return new RowWrite(row, act, code, pathStage, body, null);
        }

        /**
         * U+0000, a lone surrogate, or a C0 control character (tab and line breaks aside in the free-text
         * column 原因或备注) cannot be stored nor shown faithfully: milestone-service refuses them too.
         */
        private void unkeepable(ImportColumn column, String text) {
            boolean freeText = column == ImportColumn.REASON;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                String key = null;
                if (c == 0) {
                    key = "text.nul";
                } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    key = "text.lone-surrogate";
                } else if ((c < 0x20 || c == 0x7f)
                        && !(freeText && (c == '\t' || c == '\n' || c == '\r'))) {
                    key = "text.control";
                }
                if (key != null) {
                    unreadable.add(column);
                    problem(column, key, column.header(locale), cells.get(column).reference(),
                            String.format(Locale.ROOT, "U+%04X", (int) c), text.codePointCount(0, i) + 1);
                    return;
                }
            }
        }

        private RowRefusal refusal(ImportAction action, String code) {
            // a column may be named by more than one check; say each thing once
            return new RowRefusal(row, action, code, problems.stream().distinct().toList());
        }

        private Optional<ImportAction> action() {
            String labels = String.join(locale.getLanguage().equals("en") ? ", " : "、", ImportAction.chineseLabels());
            Optional<String> text = text(ImportColumn.ACTION);
            if (text.isEmpty()) {
                if (!cells.containsKey(ImportColumn.ACTION)) {
                    problem(ImportColumn.ACTION, "action.missing", labels);
                }
                return Optional.empty();
            }
            Optional<ImportAction> action = ImportAction.parse(text.get());
            if (action.isEmpty()) {
                problem(ImportColumn.ACTION, "action.unknown", text.get(), labels);
            }
            return action;
        }

        private Optional<String> district(ImportAction action) {
            Optional<String> text = text(ImportColumn.DISTRICT);
            if (text.isEmpty()) {
                return Optional.empty();
            }
            Optional<District> district = reference.districts().stream()
                    .filter(d -> matches(text.get(), d.code(), d.nameZh(), d.nameEn())).findFirst();
            if (district.isEmpty()) {
                problem(ImportColumn.DISTRICT, "district.unknown", text.get());
                return Optional.empty();
            }
            String code = district.get().code();
            if (!code.equals(ownDistrict)) {
                // a registration's district is milestone-service's to judge; elsewhere the column only describes
                if (action == ImportAction.AMENDMENT) {
                    problem(ImportColumn.DISTRICT, "district.not-amendable");
                } else if (action != ImportAction.REGISTER) {
                    problem(ImportColumn.DISTRICT, "district.other", label(district.get()),
                            reference.district(ownDistrict).map(this::label).orElse(ownDistrict));
                }
            }
            return Optional.of(code);
        }

        private String label(District district) {
            return ExcelTexts.isEnglish(locale) ? district.nameEn() : district.nameZh();
        }

        private Optional<String> chain() {
            Optional<String> text = text(ImportColumn.CHAIN);
            if (text.isEmpty()) {
                return Optional.empty();
            }
            Optional<Chain> chain = reference.chains().stream()
                    .filter(c -> matches(text.get(), c.code(), c.nameZh(), c.nameEn())).findFirst();
            if (chain.isEmpty()) {
                problem(ImportColumn.CHAIN, "chain.unknown", text.get());
            }
            return chain.map(Chain::code);
        }

        /**
         * Schema 1.1's optional fields of a registration or amendment: the planned dates given (as the API's
         * {@code plannedDates}, left out when none is), the responsible person and leader, the source.
         */
        private void putSupervision(Map<String, Object> body) {
            Map<String, String> planned = new LinkedHashMap<>();
            for (ImportColumn column : ImportColumn.PLANNED_DATES) {
                date(column).ifPresent(day -> planned.put(column.plannedStage(), day));
            }
            if (!planned.isEmpty()) {
                body.put("plannedDates", planned);
            }
            put(body, "responsiblePerson", text(ImportColumn.RESPONSIBLE_PERSON));
            put(body, "responsibleLeader", text(ImportColumn.RESPONSIBLE_LEADER));
            put(body, "source", source());
        }

        /** A source of the reference data by its code, Chinese or English name (the template's drop-down offers the Chinese). */
        private Optional<String> source() {
            Optional<String> text = text(ImportColumn.SOURCE);
            if (text.isEmpty()) {
                return Optional.empty();
            }
            Optional<Source> source = reference.sources().stream()
                    .filter(s -> matches(text.get(), s.code(), s.nameZh(), s.nameEn())).findFirst();
            if (source.isEmpty()) {
                problem(ImportColumn.SOURCE, "source.unknown", text.get(), reference.sources().stream()
                        .map(s -> ExcelTexts.isEnglish(locale) ? s.nameEn() : s.nameZh())
                        .collect(Collectors.joining(ExcelTexts.isEnglish(locale) ? ", " : "、")));
            }
            return source.map(Source::code);
        }

        private Optional<String> stage() {
            Optional<String> text = text(ImportColumn.STAGE);
            if (text.isEmpty()) {
                return Optional.empty();
            }
            Optional<StageInfo> stage = reference.stages().stream()
                    .filter(s -> matches(text.get(), s.code(), s.nameZh(), s.nameEn())).findFirst();
            if (stage.isEmpty()) {
                problem(ImportColumn.STAGE, "stage.unknown", text.get(), reference.stages().stream()
                        .map(s -> ExcelTexts.isEnglish(locale) ? s.nameEn() : s.nameZh())
                        .collect(Collectors.joining(ExcelTexts.isEnglish(locale) ? ", " : "、")));
            }
            return stage.map(StageInfo::code);
        }

        private boolean matches(String given, String code, String chinese, String english) {
            String wanted = given.strip();
            return wanted.equals(code) || wanted.equals(chinese) || wanted.equalsIgnoreCase(english)
                    || wanted.equalsIgnoreCase(code);
        }

        /** Text as shown; a number keeps its digits exactly (a code typed as 2024001 stays "2024001"). */
        private Optional<String> text(ImportColumn column) {
            SheetCell cell = cells.get(column);
            if (cell == null || cell.isFormula() || cell.kind() == CellKind.ERROR || unreadable.contains(column)) {
                return Optional.empty();
            }
            return switch (cell.kind()) {
                case TEXT -> Optional.of(cell.raw().strip()).filter(value -> !value.isEmpty());
                case NUMBER -> Optional.of(plainNumber(cell.raw()).orElse(cell.shown()));
                case DATE -> Optional.of(cell.shown());
                default -> {
                    problem(column, "row.boolean-cell", cell.reference(), cell.raw(), column.header(locale));
                    yield Optional.empty();
                }
            };
        }

        /** An amount in 万元 as the API's yuan string with two decimals. */
        private Optional<String> amount(ImportColumn column) {
            SheetCell cell = cells.get(column);
            if (cell == null || cell.isFormula() || cell.kind() == CellKind.ERROR || unreadable.contains(column)) {
                return Optional.empty();
            }
            String given = cell.kind() == CellKind.NUMBER ? cell.raw() : cell.shown().strip();
            BigDecimal wan = null;
            if (cell.kind() == CellKind.NUMBER || cell.kind() == CellKind.TEXT) {
                try {
                    wan = new BigDecimal(given.replaceAll("[,，\\s]", ""));
                } catch (NumberFormatException e) {
                    wan = null;
                }
            }
            if (wan == null || wan.signum() < 0 || wan.movePointRight(4).stripTrailingZeros().scale() > 2) {
                problem(column, "amount.invalid", column.header(locale), cell.shown());
                return Optional.empty();
            }
            return Optional.of(wan.multiply(YUAN_PER_WAN).setScale(2, RoundingMode.UNNECESSARY).toPlainString());
        }

        private Optional<String> date(ImportColumn column) {
            SheetCell cell = cells.get(column);
            if (cell == null || cell.isFormula() || cell.kind() == CellKind.ERROR || unreadable.contains(column)) {
                return Optional.empty();
            }
            switch (cell.kind()) {
                case DATE -> {
                    return Optional.of(cell.date().toLocalDate().toString());
                }
                case NUMBER -> {
                    double serial = Double.parseDouble(cell.raw());
                    String asDate = DateUtil.isValidExcelDate(serial)
                            ? DateUtil.getLocalDateTime(serial, false).toLocalDate().toString() : "—";
                    problem(column, "date.serial", column.header(locale), cell.shown(), asDate);
                    return Optional.empty();
                }
                case TEXT -> {
                    Matcher matcher = DATE.matcher(cell.raw().strip());
                    if (matcher.matches()) {
                        try {
                            return Optional.of(LocalDate.of(Integer.parseInt(matcher.group(1)),
                                    Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3))).toString());
                        } catch (DateTimeException e) {
                            // 2024-02-30: not a date, said below
                        }
                    }
                    problem(column, "date.invalid", column.header(locale), cell.raw().strip());
                    return Optional.empty();
                }
                default -> {
                    problem(column, "date.invalid", column.header(locale), cell.shown());
                    return Optional.empty();
                }
            }
        }

        private Optional<String> period() {
            ImportColumn column = ImportColumn.PERIOD;
            SheetCell cell = cells.get(column);
            if (cell == null || cell.isFormula() || cell.kind() == CellKind.ERROR || unreadable.contains(column)) {
                return Optional.empty();
            }
            if (cell.kind() == CellKind.DATE) {
                // Excel turns a typed 2024-03 into the date 2024-03-01: its month is what was meant
                return Optional.of(YearMonth.from(cell.date()).toString());
            }
            if (cell.kind() == CellKind.TEXT) {
                Matcher matcher = MONTH.matcher(cell.raw().strip());
                if (matcher.matches()) {
                    try {
                        return Optional.of(YearMonth.of(Integer.parseInt(matcher.group(1)),
                                Integer.parseInt(matcher.group(2))).toString());
                    } catch (DateTimeException e) {
                        // month 13: said below
                    }
                }
            }
            problem(column, "period.invalid", column.header(locale), cell.shown().strip());
            return Optional.empty();
        }

        private void put(Map<String, Object> body, String field, Optional<String> value) {
            value.ifPresent(v -> body.put(field, v));
        }

        private void problem(ImportColumn column, String key, Object... arguments) {
            SheetCell cell = column == null ? null : cells.get(column);
            problems.add(new CellProblem(column == null ? null : column.header(locale),
                    cell == null ? null : cell.reference(), column == null ? null : column.field(),
                    texts.text(locale, key, arguments)));
        }
    }

    private static Optional<String> plainNumber(String raw) {
        try {
            return Optional.of(new BigDecimal(raw).stripTrailingZeros().toPlainString());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
