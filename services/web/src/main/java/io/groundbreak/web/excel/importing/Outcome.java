package io.groundbreak.web.excel.importing;

/** What became of a row. */
public enum Outcome {
    /** Recorded now: milestone-service answered 201 with a new event. */
    ACCEPTED,
    /**
     * Recorded as a request that waits for the district's reviewer (schema 1.3): milestone-service answered 202; it
     * changes nothing until approved.
     */
    SUBMITTED,
    /** Recorded by an earlier upload of the same content: the first answer again, nothing new written. */
    REPLAYED,
    /** Not recorded: refused here (shape) or by milestone-service (rules), with the reason. */
    REFUSED,
    /** An empty row between data rows. */
    SKIPPED,
    /** A service did not answer; whether the row was recorded is unknown until the file is uploaded again. */
    UNCONFIRMED
}
