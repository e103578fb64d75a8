package io.groundbreak.funnel.rebuild;

import java.time.Instant;

/**
 * What a rebuild did: into which set, when, how many records it read and what became of them;
 * {@code brokenLinks} counts events refused for their hash (not intact, not linked to the last applied one, or
 * claiming the last applied one's sequence with another hash);
 * {@code failed} counts events that could not be applied for another reason (skipped, as the live consumer parks
 * them); {@code folded} counts the events applied in memory and written with COPY (those up to the topic's end at
 * the start; the rest, {@code applied - folded}, went through the live projection's batches); {@code failure} is
 * null when it switched the set in.
 */
public record RebuildReport(String target, Instant startedAt, Instant finishedAt, long recordsRead, long applied,
                            long redelivered, long gaps, long brokenLinks, long malformed, long failed, long folded,
                            String failure) {
}
