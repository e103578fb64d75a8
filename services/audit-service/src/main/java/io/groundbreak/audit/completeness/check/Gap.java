package io.groundbreak.audit.completeness.check;

import java.util.UUID;

/** A sequence of a project that the ledger lacks while a later event of the project was received (and parked). */
public record Gap(UUID projectId, long missingSequence) {
}
