package io.groundbreak.events;

import java.time.LocalDate;

public record ProjectSuspended(ProjectId projectId, LocalDate effectiveDate, String reason) implements ProjectEvent {
}
