package io.groundbreak.audit.periods.close;

import java.time.LocalDate;
import java.util.List;

/**
 * Which districts closed a month on time, late or not at all: every district of the reference data, in its order.
 * {@code deadlinePassed} says whether a district not closed yet is already overdue.
 */
public record CloseBoard(String period, LocalDate deadline, boolean deadlinePassed, List<DistrictClose> districts) {
}
