package io.groundbreak.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Where the whole machine's CPU went during a measured window, in milliseconds per event: the processes the run
 * started, PostgreSQL's backends and the rest, and inside a write path's JVM its thread groups (HTTP, publisher,
 * JIT, GC). On two shared cores a write path's throughput is the cores' time divided by the machine's CPU per
 * event, so this says what each event costs beside a plain-Axon application measured the same way.
 * <p>
 * Linux only (/proc); elsewhere every part reads 0. Threads and backends that ended inside the window are counted
 * in their process's total (the JVM's "threads gone" part) or not at all (a PostgreSQL backend that closed).
 */
final class CpuBudget {

    /** Linux reports process and machine times in clock ticks of 1/100 s (USER_HZ) on every architecture it runs. */
    private static final double MS_PER_TICK = 10.0;
    private static final List<String> THREAD_GROUPS = List.of("http", "publisher", "jit", "gc", "other");

    private final Map<String, LongSupplier> jvmPids;
    private final Map<String, LongSupplier> otherPids;

    /**
     * @param jvmPids   the write path's JVMs, split by thread group
     * @param otherPids other processes the run started, counted as a whole
     */
    CpuBudget(Map<String, LongSupplier> jvmPids, Map<String, LongSupplier> otherPids) {
        this.jvmPids = jvmPids;
        this.otherPids = otherPids;
    }

    /** Ticks so far: "machine", "postgresql", every other process, and "NAME.GROUP" for the JVMs' thread groups. */
    Map<String, Long> snapshot() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        ticks.put("machine", machineBusyTicks());
        ticks.put("postgresql", postgresTicks());
        otherPids.forEach((name, pid) -> ticks.put(name, processTicks(pid.getAsLong())));
        jvmPids.forEach((name, pid) -> {
            long process = processTicks(pid.getAsLong());
            Map<String, Long> groups = threadGroupTicks(pid.getAsLong());
            long threads = groups.values().stream().mapToLong(Long::longValue).sum();
            THREAD_GROUPS.forEach(group -> ticks.put(name + "." + group, groups.getOrDefault(group, 0L)));
            ticks.put(name + ".threads gone", Math.max(0, process - threads));
        });
        return ticks;
    }

    /**
     * Milliseconds per event of every part between two snapshots, the JVMs' thread groups folded into one text per
     * JVM, and "rest" (the kernel's own work, the bench's load generators, anything else on the machine).
     */
    static Map<String, Object> perEvent(Map<String, Long> before, Map<String, Long> after, long events) {
        Map<String, Object> budget = new LinkedHashMap<>();
        if (events <= 0) {
            return budget;
        }
        double machine = msPerEvent(before, after, "machine", events);
        budget.put("machine", round(machine));
        double accounted = 0;
        Map<String, StringBuilder> jvms = new LinkedHashMap<>();
        Map<String, Double> jvmTotals = new LinkedHashMap<>();
        for (String part : after.keySet()) {
            if (part.equals("machine")) {
                continue;
            }
            double ms = msPerEvent(before, after, part, events);
            accounted += ms;
            int dot = part.indexOf('.');
            if (dot < 0) {
                budget.put(part, round(ms));
            } else {
                String jvm = part.substring(0, dot);
                jvmTotals.merge(jvm, ms, Double::sum);
                StringBuilder groups = jvms.computeIfAbsent(jvm, name -> new StringBuilder());
                groups.append(groups.isEmpty() ? "" : ", ").append(part.substring(dot + 1))
                        .append(String.format(Locale.ROOT, " %.2f", ms));
            }
        }
        jvms.forEach((jvm, groups) -> budget.put(jvm, String.format(Locale.ROOT, "%.2f (%s)", jvmTotals.get(jvm), groups)));
        budget.put("rest", round(Math.max(0, machine - accounted)));
        return budget;
    }

    /** Milliseconds per event of one part between two snapshots, e.g. "milestone-service.publisher". */
    static double msPerEvent(Map<String, Long> before, Map<String, Long> after, String part, long events) {
        return (after.getOrDefault(part, 0L) - before.getOrDefault(part, 0L)) * MS_PER_TICK / events;
    }

    private static double round(double ms) {
        return Math.round(ms * 100) / 100.0;
    }

    /** user + nice + system + irq + softirq of /proc/stat's first line: what the machine's CPUs did for anyone. */
    private static long machineBusyTicks() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            return Long.parseLong(fields[1]) + Long.parseLong(fields[2]) + Long.parseLong(fields[3])
                    + Long.parseLong(fields[6]) + Long.parseLong(fields[7]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long postgresTicks() {
        long ticks = 0;
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                Stat stat = Stat.of(process.resolve("stat"));
                if (stat != null && stat.name().equals("postgres")) {
                    ticks += stat.ticks();
                }
            }
        } catch (IOException | RuntimeException e) {
            return ticks;
        }
        return ticks;
    }

    private static long processTicks(long pid) {
        Stat stat = pid <= 0 ? null : Stat.of(Path.of("/proc", Long.toString(pid), "stat"));
        return stat == null ? 0 : stat.ticks();
    }

    private static Map<String, Long> threadGroupTicks(long pid) {
        Map<String, Long> groups = new LinkedHashMap<>();
        if (pid <= 0) {
            return groups;
        }
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path thread : threads) {
                Stat stat = Stat.of(thread.resolve("stat"));
                if (stat != null) {
                    groups.merge(threadGroup(stat.name()), stat.ticks(), Long::sum);
                }
            }
        } catch (IOException | RuntimeException e) {
            return groups;
        }
        return groups;
    }

    /** By the thread's name as Linux keeps it (its first 15 characters). */
    static String threadGroup(String name) {
        if (name.startsWith("http-nio")) {
            return "http";
        }
        if (name.startsWith("WorkPackage[kaf") || name.startsWith("Coordinator[kaf") || name.startsWith("kafka-producer")) {
            return "publisher";
        }
        if (name.contains("CompilerThre")) {
            return "jit";
        }
        if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.startsWith("VM Thread")) {
            return "gc";
        }
        return "other";
    }

    /** The name and utime + stime of a /proc stat file; null when the process or thread has gone. */
    private record Stat(String name, long ticks) {
        static Stat of(Path file) {
            try {
                String line = Files.readString(file);
                int open = line.indexOf('(');
                int close = line.lastIndexOf(')');
                String[] fields = line.substring(close + 2).split(" ");
                // after the name: state(0) … utime(11) stime(12)
                return new Stat(line.substring(open + 1, close), Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
    }
}
