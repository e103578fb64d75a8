package io.groundbreak.bench;

import java.util.Arrays;

/**
 * Latency samples in nanoseconds, kept whole (a full run takes a few hundred thousand) and sorted once:
 * percentiles by nearest rank, exact, no histogram buckets to explain. Not thread-safe: one per thread,
 * then {@link #merge}.
 */
public final class Latencies {

    private long[] nanos = new long[1024];
    private int size;

    public void add(long sampleNanos) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = sampleNanos;
    }

    public static Latencies merge(Iterable<Latencies> parts) {
        Latencies all = new Latencies();
        for (Latencies part : parts) {
            for (int i = 0; i < part.size; i++) {
                all.add(part.nanos[i]);
            }
        }
        return all;
    }

    public int count() {
        return size;
    }

    /** The sample at rank ceil(q·n), in milliseconds; NaN without samples. */
    public double percentileMillis(double quantile) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(quantile * size);
        return sorted[Math.max(0, Math.min(size, rank) - 1)] / 1e6;
    }

    public double maxMillis() {
        return percentileMillis(1.0);
    }
}
