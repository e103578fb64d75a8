package io.groundbreak.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A process's memory as Linux and the JVM see it: what the memory figures are made of. */
final class Memory {

    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private Memory() {
    }

    /** VmRSS of /proc/PID/status in KiB: pages of the process in RAM (heap, metaspace, code, stacks, GC). */
    static long residentKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the process is gone, or this is not Linux
        }
        return 0;
    }

    /**
     * The Java heap in use, from {@code jcmd PID GC.heap_info}: the sum of the generations' "used" (G1 prints one
     * heap line, the serial collector one per generation); metaspace and class space are not heap.
     */
    static long heapUsedKib(long pid) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            return 0;
        }
        try {
            Process process = new ProcessBuilder(List.of(jcmd.toString(), Long.toString(pid), "GC.heap_info"))
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                return 0;
            }
            long used = 0;
            for (String line : output.lines().toList()) {
                if (line.contains("Metaspace") || line.contains("class space")) {
                    continue;
                }
                Matcher matcher = USED.matcher(line);
                if (matcher.find()) {
                    used += Long.parseLong(matcher.group(1));
                }
            }
            return used;
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
