package io.groundbreak.web.excel.importing;

import io.groundbreak.web.excel.ExcelTexts;
import java.util.List;
import java.util.Locale;

/**
 * The columns of the import template, in the template's order, with their Chinese header (the
 * template's), their English header (also accepted on upload) and the API field each one feeds.
 * Amounts are in 万元 (10,000 CNY), the unit district offices keep their sheets in; the API takes yuan.
 * The columns of schema 1.1 (planned dates, responsible person and leader, source) are optional: a sheet
 * made from the template before them, without these columns, imports as it did.
 */
public enum ImportColumn {
    ACTION("操作", "Action", null),
    CODE("项目编号", "Project code", "code"),
    NAME("项目名称", "Project name", "name"),
    DISTRICT("所在区", "District", "district"),
    CHAIN("产业链", "Chain", "chain"),
    INVESTOR("投资方", "Investor", "investor"),
    PLANNED_INVESTMENT("计划总投资（万元）", "Planned investment (10K CNY)", "plannedInvestmentCny"),
    PARK("园区", "Park", "park"),
    STAGE("阶段", "Stage", "stage"),
    DATE("日期", "Date", "effectiveDate"),
    AMOUNT("金额（万元）", "Amount (10K CNY)", "amountCny"),
    PERIOD("报告期", "Period", "period"),
    CUMULATIVE_COMPLETED("累计完成投资（万元）", "Completed investment to date (10K CNY)", "cumulativeCompletedCny"),
    REASON("原因或备注", "Reason or note", "reason"),
    PLANNED_SIGNED("计划签约日期", "Planned signing date", "plannedDates.signed"),
    PLANNED_LANDED("计划落地日期", "Planned landing date", "plannedDates.landed"),
    PLANNED_STARTED("计划开工日期", "Planned start date", "plannedDates.started"),
    PLANNED_PRODUCING("计划投产日期", "Planned production date", "plannedDates.producing"),
    RESPONSIBLE_PERSON("责任人", "Responsible person", "responsiblePerson"),
    RESPONSIBLE_LEADER("包联领导", "Responsible leader", "responsibleLeader"),
    SOURCE("项目来源", "Source", "source");

    /** The planned dates, in stage order, each feeding one stage of the API's {@code plannedDates}. */
    static final List<ImportColumn> PLANNED_DATES = List.of(PLANNED_SIGNED, PLANNED_LANDED, PLANNED_STARTED,
            PLANNED_PRODUCING);

    private final String chinese;
    private final String english;
    private final String field;

    ImportColumn(String chinese, String english, String field) {
        this.chinese = chinese;
        this.english = english;
        this.field = field;
    }

    /** The template's header. */
    public String chinese() {
        return chinese;
    }

    public String english() {
        return english;
    }

    public String header(Locale locale) {
        return ExcelTexts.isEnglish(locale) ? english : chinese;
    }

    /** Whether an upload may leave the column out (schema 1.1's columns): its cells are then empty on every row. */
    public boolean optional() {
        return ordinal() > REASON.ordinal();
    }

    /** The stage of the API's {@code plannedDates} this column feeds ({@code signed}…), or null. */
    String plannedStage() {
        return PLANNED_DATES.contains(this) ? field.substring("plannedDates.".length()) : null;
    }

    /** The API's field this column feeds ({@code note} also comes from {@link #REASON}); null for the action. */
    public String field() {
        return field;
    }

    /** The column behind a field named in a service's refusal, if any. */
    public static ImportColumn ofField(String field) {
        if (field == null) {
            return null;
        }
        if (field.equals("note")) {
            return REASON;
        }
        if (field.equals("projectId")) {
            return CODE;
        }
        if (field.equals("plannedDates")) {
            // plannedDates as a whole (none of its stages given): the first planned date
            return PLANNED_SIGNED;
        }
        for (ImportColumn column : values()) {
            if (field.equals(column.field)) {
                return column;
            }
        }
        return null;
    }

    /** Headers compare without spaces and with ASCII and full-width brackets alike, case aside. */
    static String normalized(String header) {
        return header.replaceAll("\\s+", "").replace('(', '（').replace(')', '）').toLowerCase(Locale.ROOT);
    }
}
