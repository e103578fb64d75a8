package io.groundbreak.funnel.query;

import java.time.LocalDate;

/** From the suspension's effective date to the resumption's (null while still suspended). */
public record SuspensionPeriod(LocalDate suspendedOn, LocalDate resumedOn) {
}
