package io.groundbreak.funnel.funnel.deadletter;

/** Why a record was parked; {@link #code()} is the contract's reason code. */
public enum ParkReason {
    /** Not a Groundbreak event: a header missing or malformed, an unknown type, a body that is not the event. */
    MALFORMED("malformed"),
    /** Its predecessor is not applied: it waits behind an earlier parked event of its project, or a missing one. */
    GAP("gap"),
    /** Anything else that no retry fixed (never the database being unavailable: that is waited for). */
    FAILED("failed");

    private final String code;

    ParkReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
