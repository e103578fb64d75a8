package io.groundbreak.funnel.query;

import io.groundbreak.events.Stage;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.Objects;

/**
 * The projects that reached {@code stage} from {@code from} to {@code until}: the list behind a target's actual
 * (a year, {@code SIGNED:2025}) or a month's movement ({@code SIGNED:2025-03}).
 */
public record ReachedIn(Stage stage, LocalDate from, LocalDate until) {

    public ReachedIn {
        Objects.requireNonNull(stage, "stage");
        if (until.isBefore(from)) {
            throw new IllegalArgumentException("the span ends before it begins");
        }
    }

    /** {@code STAGE:YYYY} or {@code STAGE:YYYY-MM}, four-digit years only. */
    public static ReachedIn parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("no period: " + text);
        }
        Stage stage = Stage.valueOf(text.substring(0, colon));
        String period = text.substring(colon + 1);
        if (period.matches("[0-9]{4}")) {
            Year year = Year.parse(period);
            return new ReachedIn(stage, year.atDay(1), year.atMonth(12).atEndOfMonth());
        }
        if (period.matches("[0-9]{4}-[0-9]{2}")) {
            YearMonth month = YearMonth.parse(period);
            return new ReachedIn(stage, month.atDay(1), month.atEndOfMonth());
        }
        throw new IllegalArgumentException("not a year or a month: " + period);
    }

    /** The span cut at the date a list is asked on: what was reached by then. */
    public LocalDate untilOn(LocalDate asOf) {
        return until.isAfter(asOf) ? asOf : until;
    }
}
