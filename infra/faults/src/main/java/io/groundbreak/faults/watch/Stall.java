package io.groundbreak.faults.watch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A reader that did not move while something waited for it: from the first sample at which it was behind at a
 * position it then kept, to the first sample at which it had moved on (or the last sample, when it never did).
 * A consumer whose instance died stalls on that instance's partitions until another instance takes them over;
 * the longest stall of a scenario is that takeover, as the samples see it (give or take one sampling interval).
 */
public record Stall(String reader, Instant from, Duration length, boolean ended) {

    /** The longest stall of {@code samples} (in time order), or empty when the reader never stood still behind. */
    public static Optional<Stall> longest(String reader, List<Progress> samples) {
        Stall longest = null;
        Instant since = null;
        long heldAt = 0;
        for (Progress sample : samples) {
            if (since != null && sample.read() != heldAt) {
                longest = longer(longest, new Stall(reader, since, Duration.between(since, sample.at()), true));
                since = null;
            }
            if (since == null && sample.behind()) {
                since = sample.at();
                heldAt = sample.read();
            }
        }
        if (since != null) {
            longest = longer(longest, new Stall(reader, since, Duration.between(since, samples.get(samples.size() - 1).at()), false));
        }
        return Optional.ofNullable(longest);
    }

    /** The longest of several readers' stalls (e.g. every partition of a group). */
    public static Optional<Stall> longestOf(List<Optional<Stall>> stalls) {
        return stalls.stream().flatMap(Optional::stream).reduce(Stall::longer);
    }

    /**
     * When the reader had moved on from where it stood just after {@code since} (its first sample after then:
     * a consumer killed at {@code since} commits nothing more, so that sample holds its last commit): a dead
     * instance's partition read again by another. Empty while it has not, or without a sample after {@code since}.
     */
    public static Optional<Instant> readAgainAt(List<Progress> samples, Instant since) {
        Progress first = null;
        for (Progress sample : samples) {
            if (!sample.at().isAfter(since)) {
                continue;
            }
            if (first == null) {
                first = sample;
            } else if (sample.read() != first.read()) {
                return Optional.of(sample.at());
            }
        }
        return Optional.empty();
    }

    private static Stall longer(Stall one, Stall other) {
        return one == null || other.length.compareTo(one.length) > 0 ? other : one;
    }

    public double seconds() {
        return length.toMillis() / 1000.0;
    }
}
