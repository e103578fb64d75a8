package io.groundbreak.audit.periods.store;

import java.time.Instant;
import java.time.YearMonth;

/**
 * One close or reopen of a district's month: its place in the month's history ({@code step}, from 0), who, when,
 * and why (a reopen's reason; null for a close).
 */
public record PeriodAct(String district, YearMonth period, int step, PeriodAction action, Instant at, String by,
                        String reason) {
}
