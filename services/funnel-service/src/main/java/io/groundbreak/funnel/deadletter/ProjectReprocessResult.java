package io.groundbreak.funnel.deadletter;

import java.util.UUID;

/** A project's outstanding dead letters reprocessed in sequence order: how many went in, how many stay parked. */
public record ProjectReprocessResult(UUID projectId, int reprocessed, int stillParked) {
}
