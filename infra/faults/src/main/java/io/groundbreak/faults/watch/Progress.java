package io.groundbreak.faults.watch;

import java.time.Instant;

/**
 * Where one reader stood at one moment: a consumer group on one partition (committed offset, end offset) or the
 * publisher on the event store (its token's position, the store's head).
 *
 * @param read      the reader's position (what it has taken)
 * @param available the position it could have reached (what waits for it beyond {@code read})
 */
public record Progress(Instant at, long read, long available) {

    public boolean behind() {
        return available > read;
    }
}
