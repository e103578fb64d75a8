package io.groundbreak.milestone.project.web;

import io.groundbreak.events.Stage;
import java.util.UUID;

record MilestoneRecordedAnswer(UUID eventId, long sequence, Stage stage) {
}
