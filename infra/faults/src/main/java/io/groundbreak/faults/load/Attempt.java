package io.groundbreak.faults.load;

import java.time.Instant;

/**
 * One HTTP exchange of a district client, answered or not.
 *
 * @param sent when the request went out ({@code at}: when its answer, or the lack of one, came)
 * @param key its Idempotency-Key: the attempts of one write share it
 * @param status the HTTP status, or 0 when no answer came (connection refused or reset, timeout)
 * @param retryAfter whether the answer carried a {@code Retry-After} header
 * @param timedOut whether the client gave up waiting ({@link MilestoneClient#REQUEST_TIMEOUT})
 * @param problem what went wrong, for the report (null for a 2xx)
 */
public record Attempt(Instant sent, Instant at, String key, int status, boolean retryAfter, boolean timedOut, String problem) {

    /** Answered with a 2xx: the write was taken. */
    public boolean succeeded() {
        return status >= 200 && status < 300;
    }

    public boolean isServerError() {
        return status >= 500;
    }

    /** A 5xx as the contract wants it during an outage: 503 with Retry-After. */
    public boolean isPoliteUnavailable() {
        return status == 503 && retryAfter;
    }
}
