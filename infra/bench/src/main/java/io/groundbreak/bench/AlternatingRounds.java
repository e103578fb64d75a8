package io.groundbreak.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Times in-process work that needs no service, two or more ways of doing the same job over the same input: each
 * contender in turn, round after round (after as many warm-up rounds), so that the machine's drift touches them
 * alike; a contender's figure is its median round. Each contender returns a number derived from its output, so the
 * JIT cannot drop the work.
 */
final class AlternatingRounds {

    /** One contender's rounds: items per second, median and best. */
    record Rates(double median, double best, int rounds) {

        Map<String, Object> details(String prefix) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put(prefix + "MedianPerSecond", median);
            details.put(prefix + "BestPerSecond", best);
            details.put(prefix + "MedianMicrosPerItem", 1e6 / median);
            return details;
        }
    }

    /** Written after every call: a static field's writes stay, so the contenders' work does too. */
    private static long sink;

    private AlternatingRounds() {
    }

    /** {@code items} is what one call of a contender processes; the contenders run in the map's order. */
    static Map<String, Rates> time(int rounds, int items, Map<String, LongSupplier> contenders) {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1");
        }
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        contenders.keySet().forEach(name -> rates.put(name, new ArrayList<>()));
        for (int round = -rounds; round < rounds; round++) {
            for (Map.Entry<String, LongSupplier> contender : contenders.entrySet()) {
                long started = System.nanoTime();
                sink += contender.getValue().getAsLong();
                double seconds = (System.nanoTime() - started) / 1e9;
                if (round >= 0) {
                    rates.get(contender.getKey()).add(items / seconds);
                }
            }
        }
        Map<String, Rates> result = new LinkedHashMap<>();
        rates.forEach((name, measured) -> {
            List<Double> sorted = measured.stream().sorted().toList();
            result.put(name, new Rates(sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1), sorted.size()));
        });
        return result;
    }
}
