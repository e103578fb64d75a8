package io.groundbreak.audit.periods.close;

import io.groundbreak.audit.periods.store.PeriodAct;
import io.groundbreak.audit.periods.store.PeriodAction;
import java.util.List;
import java.util.Optional;

/** A district's month: every act on it in order, and the close in force (the last act, when it is a close). */
public record PeriodState(List<PeriodAct> history) {

    public Optional<PeriodAct> closeInForce() {
        if (history.isEmpty()) {
            return Optional.empty();
        }
        PeriodAct last = history.get(history.size() - 1);
        return last.action() == PeriodAction.CLOSE ? Optional.of(last) : Optional.empty();
    }

    int reopens() {
        return (int) history.stream().filter(act -> act.action() == PeriodAction.REOPEN).count();
    }
}
