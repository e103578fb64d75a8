package io.groundbreak.funnel.funnel.projection;

/** What became of one event offered to the projection. */
public enum Outcome {
    /** The next event of its project: the read model changed. */
    APPLIED,
    /** At or below the project's last applied sequence: already applied, nothing changed. */
    REDELIVERED,
    /** Above the next expected sequence: a predecessor is missing, nothing changed. */
    GAP
}
