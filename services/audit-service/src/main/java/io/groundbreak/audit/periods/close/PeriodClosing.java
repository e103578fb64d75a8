package io.groundbreak.audit.periods.close;

import io.groundbreak.audit.periods.store.PeriodAct;
import io.groundbreak.audit.periods.store.PeriodAction;
import io.groundbreak.audit.periods.store.PeriodCloses;
import io.groundbreak.reference.District;
import io.groundbreak.reference.ReferenceData;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The monthly close's rules (docs/funnel.md "The monthly close"): a month is closed once it has ended, a closed month
 * is not closed again, only a closed month is reopened. Who may act on which district is the web layer's business.
 * Every act is appended to {@code period_close}; two acts racing for the same month are judged one after the other.
 */
@Component
public class PeriodClosing {

    private final PeriodCloses closes;
    private final ReferenceData referenceData;
    private final Clock clock;
    private final int deadlineDay;

    PeriodClosing(PeriodCloses closes, ReferenceData referenceData, Clock clock,
                  @Value("${groundbreak.periods.close-deadline-day:5}") int deadlineDay) {
        if (deadlineDay < 1 || deadlineDay > 28) {
            // every month has days 1 to 28
            throw new IllegalArgumentException("groundbreak.periods.close-deadline-day must be 1 to 28, not " + deadlineDay);
        }
        this.closes = closes;
        this.referenceData = referenceData;
        this.clock = clock;
        this.deadlineDay = deadlineDay;
    }

    public PeriodState state(String district, YearMonth period) {
        return new PeriodState(closes.history(district, period));
    }

    public PeriodAct close(String district, YearMonth period, String by) {
        if (!YearMonth.now(clock.withZone(CloseStatus.CITY_ZONE)).isAfter(period)) {
            throw new PeriodNotEnded(period);
        }
        PeriodState state = state(district, period);
        state.closeInForce().ifPresent(close -> {
            throw new PeriodAlreadyClosed(close);
        });
        PeriodAct act = new PeriodAct(district, period, state.history().size(), PeriodAction.CLOSE, now(), by, null);
        // another act took the step meanwhile: judge again against it
        return closes.append(act) ? act : close(district, period, by);
    }

    public PeriodAct reopen(String district, YearMonth period, String reason, String by) {
        PeriodState state = state(district, period);
        if (state.closeInForce().isEmpty()) {
            throw new PeriodNotClosed(district, period);
        }
        PeriodAct act = new PeriodAct(district, period, state.history().size(), PeriodAction.REOPEN, now(), by, reason);
        return closes.append(act) ? act : reopen(district, period, reason, by);
    }

    /** Every district of the reference data with its close of the month against the deadline. */
    public CloseBoard board(YearMonth period) {
        LocalDate deadline = period.plusMonths(1).atDay(deadlineDay);
        Map<String, List<PeriodAct>> acts = closes.ofPeriod(period).stream()
                .collect(Collectors.groupingBy(PeriodAct::district, Collectors.toList()));
        List<DistrictClose> districts = new ArrayList<>();
        for (District district : referenceData.districts()) {
            PeriodState state = new PeriodState(acts.getOrDefault(district.code(), List.of()));
            districts.add(new DistrictClose(district.code(), district.nameZh(), district.nameEn(),
                    CloseStatus.of(state.closeInForce().map(PeriodAct::at), deadline),
                    state.closeInForce().map(PeriodAct::at).orElse(null),
                    state.closeInForce().map(PeriodAct::by).orElse(null), state.reopens()));
        }
        boolean passed = LocalDate.now(clock.withZone(CloseStatus.CITY_ZONE)).isAfter(deadline);
        return new CloseBoard(period.toString(), deadline, passed, List.copyOf(districts));
    }

    /** To the microsecond, as PostgreSQL keeps it: the instant stored is the instant the figures are known at. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
