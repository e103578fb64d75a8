package io.groundbreak.funnel.deadletter;

/** Why a record was parked; {@link #code()} is the contract's reason code. */
public enum ParkReason {
    /** Not a Groundbreak event: a header missing or malformed, an unknown type, a body that is not the event. */
    MALFORMED("malformed"),
    /** Its predecessor is not applied: it waits behind an earlier parked event of its project, or a missing one. */
    GAP("gap"),
    /** Its hash is not the one its fields give (altered, or not sealed by milestone-service). */
    HASH_MISMATCH("hash-mismatch"),
    /** It does not link to the hash of its project's last applied event (a broken chain, a forged event). */
    PREV_HASH_MISMATCH("prev-hash-mismatch"),
    /** Another event holds its sequence (the project's last applied event, with another hash). */
    SEQUENCE_TAKEN("sequence-taken"),
    /** Anything else that no retry fixed (never the database being unavailable: that is waited for). */
    FAILED("failed");

    private final String code;

    ParkReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The reason an outcome that is not settled parks its record for. */
    public static ParkReason of(io.groundbreak.funnel.projection.Outcome outcome) {
        return switch (outcome) {
            case GAP -> GAP;
            case HASH_MISMATCH -> HASH_MISMATCH;
            case PREV_HASH_MISMATCH -> PREV_HASH_MISMATCH;
            case SEQUENCE_TAKEN -> SEQUENCE_TAKEN;
            case APPLIED, REDELIVERED -> throw new IllegalArgumentException(outcome + " does not park");
        };
    }
}
