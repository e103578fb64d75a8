package io.groundbreak.funnel.projection;

/** What became of one event offered to the projection. */
public enum Outcome {
    /** The next event of its project: the read model changed. */
    APPLIED,
    /** At or below the project's last applied sequence: already applied, nothing changed. */
    REDELIVERED,
    /** Above the next expected sequence: a predecessor is missing, nothing changed. */
    GAP,
    /** The next expected sequence, but its hash is not the one its fields give: refused, nothing changed. */
    HASH_MISMATCH,
    /** The next expected sequence, but it does not link to the last applied event's hash: refused, nothing changed. */
    PREV_HASH_MISMATCH,
    /**
     * The sequence of the project's last applied event, with another hash: another event claims its place. Only
     * the last applied event's hash is kept, so an older sequence claimed again is taken for a redelivery.
     */
    SEQUENCE_TAKEN;

    /** Applied, or applied before: the event is in the read model. */
    public boolean settled() {
        return this == APPLIED || this == REDELIVERED;
    }
}
