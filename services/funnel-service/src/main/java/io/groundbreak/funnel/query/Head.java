package io.groundbreak.funnel.query;

import java.util.UUID;

/** A project's head in the active read model: the last applied event's sequence and hash (null if not kept). */
public record Head(UUID projectId, long sequence, String hash) {
}
