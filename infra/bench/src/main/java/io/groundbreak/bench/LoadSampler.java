package io.groundbreak.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The machine's 1-minute load average and CPU pressure every 2 s, per phase of the run: on a shared machine,
 * a figure measured under a load of 6 is not the figure measured under 2, and the report says which it was.
 */
final class LoadSampler implements AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bench-load-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, double[]> phases = new LinkedHashMap<>();
    private String phase = "start";

    LoadSampler() {
        timer.scheduleAtFixedRate(this::sample, 0, 2, TimeUnit.SECONDS);
    }

    synchronized void phase(String name) {
        phase = name;
        sample();
    }

    private synchronized void sample() {
        double load = Machine.oneMinuteLoad();
        double pressure = Machine.cpuPressure();
        // {min load, max load, sum of loads, samples, sum of CPU pressures}
        double[] stats = phases.computeIfAbsent(phase, ignored -> new double[] {Double.MAX_VALUE, 0, 0, 0, 0});
        stats[0] = Math.min(stats[0], load);
        stats[1] = Math.max(stats[1], load);
        stats[2] += load;
        stats[3]++;
        stats[4] += pressure;
    }

    /**
     * Per phase: "min–max (mean)" of the 1-minute load average, and the mean CPU pressure (the share of
     * time some runnable task waited for a CPU, from /proc/pressure/cpu).
     */
    synchronized Map<String, String> summary() {
        Map<String, String> summary = new LinkedHashMap<>();
        phases.forEach((name, stats) -> summary.put(name, String.format(Locale.ROOT,
                "load %.2f–%.2f (mean %.2f), CPU pressure %.0f %%", stats[0], stats[1], stats[2] / stats[3],
                stats[4] / stats[3])));
        return summary;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
