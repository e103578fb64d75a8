package io.groundbreak.audit.periods.close;

import io.groundbreak.audit.periods.store.PeriodAct;

/** The district's month is closed already: the close in force is {@code close}. */
public class PeriodAlreadyClosed extends RuntimeException {

    private final transient PeriodAct close;

    public PeriodAlreadyClosed(PeriodAct close) {
        super(close.district() + " closed " + close.period() + " at " + close.at() + " (" + close.by() + ")");
        this.close = close;
    }

    public PeriodAct close() {
        return close;
    }
}
