package io.groundbreak.milestone.project.command;

import io.groundbreak.events.Stage;
import java.time.LocalDate;
import java.util.Locale;

/** The planned dates of the stages still ahead follow the funnel: a later stage is not planned before an earlier one. */
public class PlannedDatesOutOfOrder extends ProjectRuleViolation {

    private final Stage later;

    public PlannedDatesOutOfOrder(Stage earlier, LocalDate earlierDate, Stage later, LocalDate laterDate) {
        super("planned-dates-out-of-order", Kind.DATE, "planned " + later + " " + laterDate + " is before planned "
                + earlier + " " + earlierDate, later, laterDate, earlier, earlierDate);
        this.later = later;
    }

    @Override
    public String field() {
        return "plannedDates." + later.name().toLowerCase(Locale.ROOT);
    }
}
