package io.groundbreak.web.excel.importing;

/** What became of a row. */
public enum Outcome {
    /** Recorded now: milestone-service answered 201 with a new event. */
    ACCEPTED,
    /** Recorded by an earlier upload of the same content: the first answer again, nothing new written. */
    REPLAYED,
    /** Not recorded: refused here (shape) or by milestone-service (rules), with the reason. */
    REFUSED,
    /** An empty row between data rows. */
    SKIPPED,
    /** A service did not answer; whether the row was recorded is unknown until the file is uploaded again. */
    UNCONFIRMED
}
