package io.groundbreak.audit.ledger.ingest;

/**
 * What became of a record: {@code admitted} to the ledger, a {@code duplicate} of an event the ledger holds,
 * {@code parked} (as dead letter {@code deadLetterId}, with the reason and detail) or {@code ignored} (a
 * redelivery of a record an administrator discarded).
 */
public record IngestOutcome(Kind kind, Long deadLetterId, String reason, String detail) {

    public enum Kind { ADMITTED, DUPLICATE, PARKED, IGNORED }

    static IngestOutcome admitted() {
        return new IngestOutcome(Kind.ADMITTED, null, null, null);
    }

    static IngestOutcome duplicate() {
        return new IngestOutcome(Kind.DUPLICATE, null, null, null);
    }

    static IngestOutcome parked(Long deadLetterId, String reason, String detail) {
        return new IngestOutcome(Kind.PARKED, deadLetterId, reason, detail);
    }

    static IngestOutcome ignored(Long deadLetterId) {
        return new IngestOutcome(Kind.IGNORED, deadLetterId, null, null);
    }

    /** In the ledger now (admitted, or it was already). */
    public boolean inLedger() {
        return kind == Kind.ADMITTED || kind == Kind.DUPLICATE;
    }
}
