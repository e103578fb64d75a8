package io.groundbreak.audit.periods.close;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/** Whether a district closed a month by the deadline, after it, or (so far) not at all. */
public enum CloseStatus {
    ON_TIME, LATE, NOT_CLOSED;

    /** Dates in Groundbreak are the city's (docs/events.md): the deadline day ends at midnight in Asia/Shanghai. */
    static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");

    /** The close in force (none: never closed, or reopened and not closed again) against the deadline, its day included. */
    public static CloseStatus of(Optional<Instant> closedAt, LocalDate deadline) {
        return closedAt.map(at -> at.atZone(CITY_ZONE).toLocalDate().isAfter(deadline) ? LATE : ON_TIME)
                .orElse(NOT_CLOSED);
    }

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
