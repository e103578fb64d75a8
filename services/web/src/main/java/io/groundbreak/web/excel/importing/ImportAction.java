package io.groundbreak.web.excel.importing;

import io.groundbreak.web.excel.ExcelTexts;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a row of the import does: one write of milestone-service each. The Chinese label is what the
 * template's drop-down offers; the English label and the API's names are accepted too.
 */
public enum ImportAction {
    REGISTER("登记项目", "Register", "register"),
    MILESTONE("记录里程碑", "Milestone", "milestone"),
    CORRECTION("更正里程碑", "Correction", "correction"),
    RETRACTION("撤回里程碑", "Retraction", "retraction"),
    SUSPENSION("暂停", "Suspension", "suspension"),
    RESUMPTION("恢复", "Resumption", "resumption"),
    TERMINATION("终止", "Termination", "termination"),
    INVESTMENT_REPORT("投资进度", "Investment report", "investment-report"),
    AMENDMENT("变更信息", "Amendment", "amendment");

    /**
     * Columns that describe a project: allowed on every row for readability, used by registration and amendment. The
     * planned dates, responsible person and leader and source (schema 1.1) are not among them: filled on another
     * action's row they are refused, not silently dropped, since they would read as a change of the project's plan.
     */
    static final Set<ImportColumn> DESCRIPTIVE = Set.of(ImportColumn.NAME, ImportColumn.DISTRICT, ImportColumn.CHAIN,
            ImportColumn.INVESTOR, ImportColumn.PLANNED_INVESTMENT, ImportColumn.PARK);

    private final String chinese;
    private final String english;
    private final String apiName;

    ImportAction(String chinese, String english, String apiName) {
        this.chinese = chinese;
        this.english = english;
        this.apiName = apiName;
    }

    public String chinese() {
        return chinese;
    }

    public String label(Locale locale) {
        return ExcelTexts.isEnglish(locale) ? english : chinese;
    }

    public static Optional<ImportAction> parse(String text) {
        String wanted = text.strip();
        return Arrays.stream(values())
                .filter(action -> action.chinese.equals(wanted) || action.english.equalsIgnoreCase(wanted)
                        || action.apiName.equalsIgnoreCase(wanted) || action.name().equalsIgnoreCase(wanted))
                .findFirst();
    }

    /** The columns this action needs filled. */
    Set<ImportColumn> required() {
        return switch (this) {
            case REGISTER -> Set.of(ImportColumn.CODE, ImportColumn.NAME, ImportColumn.CHAIN, ImportColumn.INVESTOR,
                    ImportColumn.PLANNED_INVESTMENT);
            case MILESTONE -> Set.of(ImportColumn.CODE, ImportColumn.STAGE, ImportColumn.DATE);
            case CORRECTION -> Set.of(ImportColumn.CODE, ImportColumn.STAGE, ImportColumn.DATE, ImportColumn.REASON);
            case RETRACTION -> Set.of(ImportColumn.CODE, ImportColumn.STAGE, ImportColumn.REASON);
            case SUSPENSION, RESUMPTION, TERMINATION -> Set.of(ImportColumn.CODE, ImportColumn.DATE, ImportColumn.REASON);
            case INVESTMENT_REPORT -> Set.of(ImportColumn.CODE, ImportColumn.PERIOD, ImportColumn.CUMULATIVE_COMPLETED);
            case AMENDMENT -> Set.of(ImportColumn.CODE, ImportColumn.REASON);
        };
    }

    /** Every column this action reads, required or optional; a filled column outside these and the descriptive ones is refused. */
    Set<ImportColumn> used() {
        return switch (this) {
            case REGISTER -> Set.of(ImportColumn.CODE, ImportColumn.NAME, ImportColumn.DISTRICT, ImportColumn.CHAIN,
                    ImportColumn.INVESTOR, ImportColumn.PLANNED_INVESTMENT, ImportColumn.PARK, ImportColumn.PLANNED_SIGNED,
                    ImportColumn.PLANNED_LANDED, ImportColumn.PLANNED_STARTED, ImportColumn.PLANNED_PRODUCING,
                    ImportColumn.RESPONSIBLE_PERSON, ImportColumn.RESPONSIBLE_LEADER, ImportColumn.SOURCE);
            case MILESTONE -> Set.of(ImportColumn.CODE, ImportColumn.STAGE, ImportColumn.DATE, ImportColumn.AMOUNT,
                    ImportColumn.REASON);
            case CORRECTION -> Set.of(ImportColumn.CODE, ImportColumn.STAGE, ImportColumn.DATE, ImportColumn.AMOUNT,
                    ImportColumn.REASON);
            case AMENDMENT -> Set.of(ImportColumn.CODE, ImportColumn.NAME, ImportColumn.CHAIN, ImportColumn.INVESTOR,
                    ImportColumn.PLANNED_INVESTMENT, ImportColumn.PARK, ImportColumn.REASON, ImportColumn.PLANNED_SIGNED,
                    ImportColumn.PLANNED_LANDED, ImportColumn.PLANNED_STARTED, ImportColumn.PLANNED_PRODUCING,
                    ImportColumn.RESPONSIBLE_PERSON, ImportColumn.RESPONSIBLE_LEADER, ImportColumn.SOURCE);
            default -> required();
        };
    }

    /** The path after {@code /api/projects/{id}}, or the whole path for a registration. */
    String path(String projectId, String stage) {
        String project = "/api/projects/" + projectId;
        return switch (this) {
            case REGISTER -> "/api/projects";
            case MILESTONE -> project + "/milestones";
            case CORRECTION -> project + "/milestones/" + stage + "/correction";
            case RETRACTION -> project + "/milestones/" + stage + "/retraction";
            case SUSPENSION -> project + "/suspension";
            case RESUMPTION -> project + "/resumption";
            case TERMINATION -> project + "/termination";
            case INVESTMENT_REPORT -> project + "/investment-reports";
            case AMENDMENT -> project + "/amendment";
        };
    }

    public static List<String> chineseLabels() {
        return Arrays.stream(values()).map(ImportAction::chinese).toList();
    }
}
