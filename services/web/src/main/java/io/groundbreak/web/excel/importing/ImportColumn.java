package io.groundbreak.web.excel.importing;

import io.groundbreak.web.excel.ExcelTexts;
import java.util.Locale;

/**
 * The columns of the import template, in the template's order, with their Chinese header (the
 * template's), their English header (also accepted on upload) and the API field each one feeds.
 * Amounts are in 万元 (10,000 CNY), the unit district offices keep their sheets in; the API takes yuan.
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
    REASON("原因或备注", "Reason or note", "reason");

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
