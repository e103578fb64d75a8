package io.groundbreak.funnel.query;

import io.groundbreak.events.Stage;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A stage of one project on a date: recorded (with its date and amount) or not; reached when it is at
 * or below the project's stage; a reached stage without a date was skipped.
 */
public record StageRecord(Stage stage, LocalDate effectiveDate, BigDecimal amountCny, boolean reached) {

    public boolean skipped() {
        return reached && effectiveDate == null;
    }
}
