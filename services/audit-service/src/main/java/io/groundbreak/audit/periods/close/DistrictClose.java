package io.groundbreak.audit.periods.close;

import java.time.Instant;

/**
 * One district's close of a month in the city's view: its status, the close in force (null when none) and how many
 * times the month was reopened.
 */
public record DistrictClose(String district, String nameZh, String nameEn, CloseStatus status, Instant closedAt,
                            String closedBy, int reopens) {
}
