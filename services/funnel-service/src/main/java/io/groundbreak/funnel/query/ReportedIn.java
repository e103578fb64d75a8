package io.groundbreak.funnel.query;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;

/**
 * The projects that reported investment for a month from {@code from} to {@code until}: the list behind a target's
 * completed investment ({@code 2025}: the projects whose reports make the year's figure) or a month's ({@code 2025-03}).
 */
public record ReportedIn(YearMonth from, YearMonth until) {

    public ReportedIn {
        if (until.isBefore(from)) {
            throw new IllegalArgumentException("the span ends before it begins");
        }
    }

    /** {@code YYYY} or {@code YYYY-MM}, four-digit years only. */
    public static ReportedIn parse(String text) {
        if (text.matches("[0-9]{4}")) {
            Year year = Year.parse(text);
            return new ReportedIn(year.atMonth(1), year.atMonth(12));
        }
        if (text.matches("[0-9]{4}-[0-9]{2}")) {
            YearMonth month = YearMonth.parse(text);
            return new ReportedIn(month, month);
        }
        throw new IllegalArgumentException("not a year or a month: " + text);
    }

    /** The span cut at the month of the date a list is asked on (as the targets' window is). */
    public YearMonth untilOn(LocalDate asOf) {
        YearMonth month = YearMonth.from(asOf);
        return until.isAfter(month) ? month : until;
    }
}
