package io.groundbreak.milestone.duplicate.web;

import java.util.UUID;

/** What {@code POST /api/duplicates/{id}/decision} answers: the decision recorded on the pair's stream. */
record DuplicateDecidedAnswer(String pairId, UUID eventId, long sequence) {
}
