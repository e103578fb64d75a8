package io.groundbreak.events;

import java.time.LocalDate;

/** The project left the funnel for good: it takes no further milestone. */
public record ProjectTerminated(ProjectId projectId, LocalDate effectiveDate, String reason) implements ProjectEvent {
}
