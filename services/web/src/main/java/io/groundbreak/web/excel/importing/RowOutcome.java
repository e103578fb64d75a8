package io.groundbreak.web.excel.importing;

import java.util.List;

/**
 * One row of the import report: its number in the sheet, action and code as read, the outcome, the
 * event it recorded (or recorded before), or the reason it was not recorded: the HTTP status and problem
 * code of milestone-service's refusal (none for a refusal made here), a message, and the columns concerned.
 */
public record RowOutcome(int row, String action, String code, Outcome outcome, String projectId, String eventId,
                         Long sequence, Integer status, String problem, String message, List<CellProblem> errors) {

    public RowOutcome {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}
