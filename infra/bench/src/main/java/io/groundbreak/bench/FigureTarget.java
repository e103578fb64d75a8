package io.groundbreak.bench;

/**
 * The target for a figure, as text and as a checkable bound.
 *
 * @param kind  {@code ratio-at-least}: the figure's ratio to its raw limit must reach {@code bound};
 *              {@code below}: the figure's value (p99 in ms, or seconds) must stay under {@code bound};
 *              {@code p50-and-p99-below}: the p99 (the value) under {@code bound}, and the median under the bound
 *              the text gives
 * @param bound the ratio (0.6 for 60 %) or the value's upper bound, in the figure's unit
 */
public record FigureTarget(String text, String kind, double bound) {

    static FigureTarget ratioAtLeast(double ratio) {
        return new FigureTarget(String.format(java.util.Locale.ROOT, "≥ %.0f %% of raw", ratio * 100), "ratio-at-least",
                ratio);
    }

    static FigureTarget below(double bound, String unit) {
        return new FigureTarget("< " + Figure.millis(bound) + " " + unit, "below", bound);
    }

    static FigureTarget percentilesBelow(double p50Bound, double p99Bound) {
        return new FigureTarget("p50 < " + Figure.millis(p50Bound) + " ms, p99 < " + Figure.millis(p99Bound) + " ms",
                "p50-and-p99-below", p99Bound);
    }
}
