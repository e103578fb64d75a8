package io.groundbreak.audit.periods.close;

import java.time.YearMonth;

/** Only a closed month can be reopened. */
public class PeriodNotClosed extends RuntimeException {

    public PeriodNotClosed(String district, YearMonth period) {
        super(district + " has not closed " + period);
    }
}
