package io.groundbreak.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The highest resident memory of each JVM while a load runs, sampled every 500 ms (reading /proc/PID/status
 * costs next to nothing).
 */
final class MemorySampler implements AutoCloseable {

    private final Map<String, LongSupplier> residentKib;
    private final Map<String, Long> maxResidentKib = new LinkedHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bench-memory-sampler");
        thread.setDaemon(true);
        return thread;
    });

    /** @param residentKib per JVM's name, its VmRSS now in KiB */
    MemorySampler(Map<String, LongSupplier> residentKib) {
        this.residentKib = residentKib;
        timer.scheduleAtFixedRate(this::sample, 0, 500, TimeUnit.MILLISECONDS);
    }

    private synchronized void sample() {
        residentKib.forEach((name, now) -> maxResidentKib.merge(name, now.getAsLong(), Math::max));
    }

    /** Per JVM: the highest VmRSS seen, in KiB. */
    synchronized Map<String, Long> maxResidentKib() {
        sample();
        return new LinkedHashMap<>(maxResidentKib);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
