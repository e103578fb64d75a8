package io.groundbreak.milestone.project.command;

import io.groundbreak.events.Stage;
import java.time.LocalDate;

/** A corrected date must stay between the dates of the recorded stages below and above it. */
public class CorrectionOutOfOrder extends ProjectRuleViolation {

    public CorrectionOutOfOrder(Stage stage, LocalDate requested, Stage neighbour, LocalDate neighbourDate) {
        super("correction-out-of-order", Kind.DATE,
                "effectiveDate " + requested + " of " + stage + " would break the order with " + neighbour
                        + " on " + neighbourDate, stage, requested, neighbour, neighbourDate);
    }

    @Override
    public String field() {
        return "effectiveDate";
    }
}
