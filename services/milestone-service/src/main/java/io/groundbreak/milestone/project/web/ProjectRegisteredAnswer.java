package io.groundbreak.milestone.project.web;

import java.util.UUID;

record ProjectRegisteredAnswer(String projectId, long sequence, UUID eventId) {
}
