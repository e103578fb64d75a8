package io.groundbreak.audit.ledger.ingest;

import java.util.UUID;

/** The answer to reprocessing a project's outstanding dead letters. */
public record ProjectReprocessAnswer(UUID projectId, int reprocessed, int stillParked) {
}
