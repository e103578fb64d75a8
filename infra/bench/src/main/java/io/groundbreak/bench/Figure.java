package io.groundbreak.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One line of the results: a measured value, the raw limit it is compared with (measured in the same run),
 * their ratio, the target and whether it is met. Raw limits themselves are figures without a
 * target; latency figures have an absolute target instead of a ratio.
 *
 * @param key       stable name for the JSON and for checks ({@code ingest}, {@code raw.kafka.produce}, …)
 * @param valueText the value as the table shows it, with its unit and, where useful, its percentiles
 * @param details   everything else worth keeping: counts, percentiles, durations, notes
 */
public record Figure(String key, String name, double value, String unit, String valueText,
                     String rawLimitKey, Double rawLimit, Double ratio, String target, Boolean met,
                     Map<String, Object> details) {

    /** A raw limit of PostgreSQL or Kafka, the yardstick of the figures that follow. */
    public static Figure rawLimit(String key, String name, double rate, String unit, Map<String, Object> details) {
        return new Figure(key, name, rate, unit, rate(rate, unit), null, null, null, null, null, copy(details));
    }

    /**
     * A rate compared with a raw limit; {@code minimumRatio} NaN means the issue sets no target for it.
     */
    public static Figure againstRawLimit(String key, String name, double rate, String unit, String valueText,
                                         Figure limit, double minimumRatio, Map<String, Object> details) {
        double ratio = rate / limit.value();
        boolean hasTarget = !Double.isNaN(minimumRatio);
        return new Figure(key, name, rate, unit, valueText == null ? rate(rate, unit) : valueText, limit.key(),
                limit.value(), ratio,
                hasTarget ? String.format(Locale.ROOT, "≥ %.0f %% of raw", minimumRatio * 100) : null,
                hasTarget ? ratio >= minimumRatio : null, copy(details));
    }

    /** A latency figure: the value is the p99, the target an absolute bound on it. */
    public static Figure latencyBelow(String key, String name, Latencies latencies, double boundMillis,
                                      Map<String, Object> details) {
        double p50 = latencies.percentileMillis(0.50);
        double p99 = latencies.percentileMillis(0.99);
        Map<String, Object> all = copy(details);
        all.put("samples", latencies.count());
        all.put("p50Ms", p50);
        all.put("p99Ms", p99);
        all.put("maxMs", latencies.maxMillis());
        return new Figure(key, name, p99, "ms",
                String.format(Locale.ROOT, "p50 %s ms, p99 %s ms", millis(p50), millis(p99)), null, null, null,
                String.format(Locale.ROOT, "p99 < %s ms", millis(boundMillis)), p99 < boundMillis, all);
    }

    /** A figure shown for information, with no limit and no target (e.g. a breakdown's latency). */
    public static Figure information(String key, String name, double value, String unit, String valueText,
                                     Map<String, Object> details) {
        return new Figure(key, name, value, unit, valueText, null, null, null, null, null, copy(details));
    }

    public static String rate(double rate, String unit) {
        return String.format(Locale.ROOT, "%,.0f %s", rate, unit);
    }

    public static String millis(double millis) {
        return millis >= 100 ? String.format(Locale.ROOT, "%,.0f", millis) : String.format(Locale.ROOT, "%.1f", millis);
    }

    private static Map<String, Object> copy(Map<String, Object> details) {
        return details == null ? new LinkedHashMap<>() : new LinkedHashMap<>(details);
    }
}
