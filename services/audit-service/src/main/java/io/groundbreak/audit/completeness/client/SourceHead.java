package io.groundbreak.audit.completeness.client;

import java.util.UUID;

/** A project's last event as a service knows it: its sequence and hash. */
public record SourceHead(UUID projectId, long sequence, String hash) {
}
