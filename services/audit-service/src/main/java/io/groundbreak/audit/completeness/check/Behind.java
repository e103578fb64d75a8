package io.groundbreak.audit.completeness.check;

import java.util.UUID;

/**
 * A project whose copy (the ledger, or funnel-service's read model) is behind milestone-service's event store:
 * the source's head, and the copy's ({@code sequence} and {@code hash} null when the copy has no event of it).
 */
public record Behind(UUID projectId, long sourceSequence, String sourceHash, Long sequence, String hash) {
}
