package io.groundbreak.faults.watch;

import io.groundbreak.faults.load.Attempt;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** How long the cluster kept writes waiting, from the district clients' attempt logs. */
public final class Refusals {

    /**
     * One write (one Idempotency-Key) that was refused before it was taken: from its first refused attempt (a 5xx
     * or no answer) being sent until the answer that took it, or until its last attempt when none did.
     */
    public record RefusedWrite(String key, Instant from, Duration length, boolean taken, String firstProblem) {
        public double seconds() {
            return length.toMillis() / 1000.0;
        }
    }

    private Refusals() {
    }

    /** The write refused for longest, or empty when every write was taken at its first attempt. */
    public static Optional<RefusedWrite> longestRefusedWrite(List<Attempt> attempts) {
        Map<String, List<Attempt>> byKey = new LinkedHashMap<>();
        for (Attempt attempt : attempts) {
            byKey.computeIfAbsent(attempt.key(), key -> new java.util.ArrayList<>()).add(attempt);
        }
        RefusedWrite longest = null;
        for (Map.Entry<String, List<Attempt>> write : byKey.entrySet()) {
            List<Attempt> tries = write.getValue().stream().sorted(Comparator.comparing(Attempt::sent)).toList();
            Attempt firstRefused = tries.stream().filter(Refusals::refused).findFirst().orElse(null);
            if (firstRefused == null) {
                continue;
            }
            Optional<Attempt> taken = tries.stream().filter(Attempt::succeeded).findFirst();
            Instant end = taken.map(Attempt::at).orElse(tries.get(tries.size() - 1).at());
            RefusedWrite refused = new RefusedWrite(write.getKey(), firstRefused.sent(), Duration.between(firstRefused.sent(), end),
                    taken.isPresent(), firstRefused.problem());
            if (longest == null || refused.length().compareTo(longest.length()) > 0) {
                longest = refused;
            }
        }
        return Optional.ofNullable(longest);
    }

    /**
     * The longest time between two writes taken (2xx answers), counting from the first request sent to the last
     * answer: how long no district got anything written at all.
     */
    public static Duration longestSilence(List<Attempt> attempts) {
        if (attempts.isEmpty()) {
            return Duration.ZERO;
        }
        Instant begin = attempts.stream().map(Attempt::sent).min(Comparator.naturalOrder()).orElseThrow();
        Instant end = attempts.stream().map(Attempt::at).max(Comparator.naturalOrder()).orElseThrow();
        List<Instant> taken = attempts.stream().filter(Attempt::succeeded).map(Attempt::at).sorted().toList();
        Duration longest = Duration.ZERO;
        Instant previous = begin;
        for (Instant at : taken) {
            longest = max(longest, Duration.between(previous, at));
            previous = at;
        }
        return max(longest, Duration.between(previous, end));
    }

    private static boolean refused(Attempt attempt) {
        return attempt.status() == 0 || attempt.isServerError();
    }

    private static Duration max(Duration one, Duration other) {
        return one.compareTo(other) >= 0 ? one : other;
    }
}
