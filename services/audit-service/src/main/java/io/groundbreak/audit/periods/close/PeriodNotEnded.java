package io.groundbreak.audit.periods.close;

import java.time.YearMonth;

/** A month that has not ended yet in the city (Asia/Shanghai) cannot be closed: its figures are still moving. */
public class PeriodNotEnded extends RuntimeException {

    public PeriodNotEnded(YearMonth period) {
        super(period + " has not ended yet");
    }
}
