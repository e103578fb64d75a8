package io.groundbreak.demo.load;

import java.time.Duration;
import java.util.List;

/**
 * What a run posted: requests answered 2xx that recorded an event ({@code recorded}) or were answered from a
 * stored answer ({@code replayed}, header {@code Idempotent-Replayed: true}), and those that failed. A
 * project stops at its first failed request, so {@code notSent} counts what was never posted. {@code approved}
 * counts the changes that waited for a second person (answered 202) and that the district's reviewer approved:
 * each is three events in the ledger (the request, the approval, the change) and two recorded requests.
 */
public record LoadResult(int projects, int recorded, int replayed, int approved, List<FailedRequest> failures,
                         int notSent, Duration took) {

    public LoadResult {
        failures = List.copyOf(failures);
    }

    public boolean succeeded() {
        return failures.isEmpty();
    }
}
