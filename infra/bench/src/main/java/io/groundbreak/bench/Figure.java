package io.groundbreak.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One line of the results: a measured value, the raw limit it is compared with (measured in the same run),
 * their ratio, the target and whether it is met. Raw limits themselves are figures without a
 * target; latency and waiting-time figures have an absolute bound instead of a ratio. A figure that could not
 * be measured on this machine (a tool missing) has no value and says why in {@code valueText} and
 * {@code details.unavailable}.
 *
 * @param key       stable name for the JSON and for checks ({@code ingest}, {@code raw.kafka.produce}, …)
 * @param value     the figure in {@code unit}; null when not measured
 * @param valueText the value as the table shows it, with its unit and, where useful, its percentiles
 * @param rawLimit  the yardstick, or null
 * @param ratio     value / rawLimit.value, or null
 * @param target    the target, or null
 * @param met       whether the target is met; null without a target or without a value
 * @param details   everything else worth keeping: counts, percentiles, durations, notes
 */
public record Figure(String key, String name, Double value, String unit, String valueText, FigureLimit rawLimit,
                     Double ratio, FigureTarget target, Boolean met, Map<String, Object> details) {

    /** A raw limit of PostgreSQL, Kafka or plain Axon, the yardstick of the figures that follow. */
    public static Figure rawLimit(String key, String name, double rate, String unit, Map<String, Object> details) {
        return rawLimit(key, name, rate, unit, rate(rate, unit), details);
    }

    public static Figure rawLimit(String key, String name, double rate, String unit, String valueText,
                                  Map<String, Object> details) {
        return new Figure(key, name, rate, unit, valueText, null, null, null, null, copy(details));
    }

    /**
     * A rate compared with a raw limit; {@code minimumRatio} NaN means the issue sets no target for it. A limit
     * that was not measured (or measured nothing) leaves ratio and verdict empty.
     */
    public static Figure againstRawLimit(String key, String name, double rate, String unit, String valueText,
                                         Figure limit, double minimumRatio, Map<String, Object> details) {
        boolean hasTarget = !Double.isNaN(minimumRatio);
        FigureTarget target = hasTarget ? FigureTarget.ratioAtLeast(minimumRatio) : null;
        String text = valueText == null ? rate(rate, unit) : valueText;
        if (limit.value() == null || limit.value() <= 0) {
            return new Figure(key, name, rate, unit, text, null, null, target, null, copy(details));
        }
        double ratio = rate / limit.value();
        return new Figure(key, name, rate, unit, text, new FigureLimit(limit.key(), limit.value(), limit.unit()),
                ratio, target, hasTarget ? ratio >= minimumRatio : null, copy(details));
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
                String.format(Locale.ROOT, "p50 %s ms, p99 %s ms", millis(p50), millis(p99)), null, null,
                FigureTarget.below(boundMillis, "ms"), p99 < boundMillis, all);
    }

    /** A latency figure held to bounds on its median and on its p99 (the value is the p99): both must hold. */
    public static Figure latencyPercentilesBelow(String key, String name, Latencies latencies, double p50BoundMillis,
                                                 double p99BoundMillis, Map<String, Object> details) {
        Figure byP99 = latencyBelow(key, name, latencies, p99BoundMillis, details);
        double p50 = latencies.percentileMillis(0.50);
        return new Figure(key, name, byP99.value(), byP99.unit(), byP99.valueText(), null, null,
                FigureTarget.percentilesBelow(p50BoundMillis, p99BoundMillis), byP99.met() && p50 < p50BoundMillis,
                byP99.details());
    }

    /** A time a user waits, in seconds, held to an absolute bound. */
    public static Figure secondsBelow(String key, String name, double seconds, double boundSeconds,
                                      Map<String, Object> details) {
        return new Figure(key, name, seconds, "s", String.format(Locale.ROOT, "%.1f s", seconds), null, null,
                FigureTarget.below(boundSeconds, "s"), seconds < boundSeconds, copy(details));
    }

    /** A figure shown for information, with no limit and no target (e.g. a breakdown's latency). */
    public static Figure information(String key, String name, double value, String unit, String valueText,
                                     Map<String, Object> details) {
        return new Figure(key, name, value, unit, valueText == null ? rate(value, unit) : valueText, null, null, null,
                null, copy(details));
    }

    /** A figure this machine could not measure (a tool missing): no value, the reason instead. */
    public static Figure unavailable(String key, String name, String unit, String reason) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("unavailable", reason);
        return new Figure(key, name, null, unit, "not measured: " + reason, null, null, null, null, details);
    }

    public boolean measured() {
        return value != null;
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
