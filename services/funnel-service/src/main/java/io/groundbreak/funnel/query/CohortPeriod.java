package io.groundbreak.funnel.query;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A calendar quarter or month, written {@code 2024-Q1} or {@code 2024-01}. */
public record CohortPeriod(CohortGrain grain, LocalDate start) {

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    public CohortPeriod {
        Objects.requireNonNull(grain, "grain");
        Objects.requireNonNull(start, "start");
        if (start.getDayOfMonth() != 1 || grain == CohortGrain.QUARTER && start.getMonthValue() % 3 != 1) {
            throw new IllegalArgumentException(start + " does not begin a " + grain);
        }
    }

    /** The period of {@code grain} that holds {@code day}. */
    public static CohortPeriod of(CohortGrain grain, LocalDate day) {
        int firstMonth = grain == CohortGrain.QUARTER ? (day.getMonthValue() - 1) / 3 * 3 + 1 : day.getMonthValue();
        return new CohortPeriod(grain, LocalDate.of(day.getYear(), firstMonth, 1));
    }

    /** {@code 2024-Q1} or {@code 2024-01} of the years 0001–9999; anything else is an IllegalArgumentException. */
    public static CohortPeriod parse(String text) {
        if (text.startsWith("0000-")) {
            throw new IllegalArgumentException("no year 0000: " + text);
        }
        Matcher quarter = QUARTER.matcher(text);
        if (quarter.matches()) {
            return new CohortPeriod(CohortGrain.QUARTER,
                    LocalDate.of(Integer.parseInt(quarter.group(1)), Integer.parseInt(quarter.group(2)) * 3 - 2, 1));
        }
        if (MONTH.matcher(text).matches()) {
            return new CohortPeriod(CohortGrain.MONTH, YearMonth.parse(text).atDay(1));
        }
        throw new IllegalArgumentException("not a quarter YYYY-Qn or a month YYYY-MM: " + text);
    }

    /** The period's last day. */
    public LocalDate end() {
        return next().start.minusDays(1);
    }

    public CohortPeriod next() {
        return plus(1);
    }

    /** The period {@code periods} later (earlier when negative). */
    public CohortPeriod plus(int periods) {
        return new CohortPeriod(grain, start.plusMonths((long) periods * months()));
    }

    /** How many periods from this one to {@code later}, this one included (0 when later is before it). */
    public long count(CohortPeriod later) {
        return Math.max(0, ChronoUnit.MONTHS.between(start, later.start) / months() + 1);
    }

    private int months() {
        return grain == CohortGrain.QUARTER ? 3 : 1;
    }

    @Override
    public String toString() {
        return grain == CohortGrain.QUARTER
                ? start.getYear() + "-Q" + ((start.getMonthValue() + 2) / 3)
                : YearMonth.from(start).toString();
    }
}
