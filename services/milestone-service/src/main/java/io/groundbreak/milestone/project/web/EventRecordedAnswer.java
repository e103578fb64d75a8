package io.groundbreak.milestone.project.web;

import java.util.UUID;

record EventRecordedAnswer(UUID eventId, long sequence) {
}
