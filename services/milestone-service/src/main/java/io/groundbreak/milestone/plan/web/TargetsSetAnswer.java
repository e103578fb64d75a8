package io.groundbreak.milestone.plan.web;

import java.util.UUID;

/** What {@code POST /api/supervision/targets} answers: the event recorded on the year's plan stream. */
record TargetsSetAnswer(UUID eventId, String planId, int year, long sequence, int cells) {
}
