package io.groundbreak.events;

import java.time.LocalDate;

public record ProjectResumed(ProjectId projectId, LocalDate effectiveDate, String reason) implements ProjectEvent {
}
