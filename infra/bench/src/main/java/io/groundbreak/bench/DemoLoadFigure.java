package io.groundbreak.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code demo.load}: the demo data loader's runnable jar ({@code infra/demo-data}) as {@code infra/local.sh up} runs
 * it, against the run's milestone-service, timed from the JVM's start to its exit: what a new user waits for
 * after the stack is up. It measures whatever the loader does (one request per event, or the batch endpoint).
 */
final class DemoLoadFigure {

    private static final Pattern SUMMARY = Pattern.compile("demo data: (\\d+) projects, ([0-9,]+) events.* in ([0-9.]+) s");

    private final Path jar;
    private final Path logs;

    DemoLoadFigure(Path servicesDirectory, Path logs) {
        this.jar = servicesDirectory.resolve("demo-data.jar");
        this.logs = logs;
    }

    Figure measure(URI milestoneService, URI funnelService, URI auditService) throws IOException, InterruptedException {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build with infra/bench/run.sh");
        }
        Files.createDirectories(logs);
        Path log = logs.resolve("demo-data.log");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--milestone-url=" + milestoneService, "--funnel-url=" + funnelService,
                "--audit-url=" + auditService);
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(15, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the demo loader did not finish within 15 minutes; see " + log);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        String output = Files.readString(log, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("the demo loader failed (exit " + process.exitValue() + "): " + output);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        Matcher summary = SUMMARY.matcher(output);
        if (summary.find()) {
            long events = Long.parseLong(summary.group(2).replace(",", ""));
            details.put("projects", Integer.parseInt(summary.group(1)));
            details.put("events", events);
            details.put("loaderSeconds", Double.parseDouble(summary.group(3)));
            details.put("eventsPerSecond", events / seconds);
        }
        details.put("command", "java -jar demo-data.jar (as infra/local.sh up), JVM start to exit");
        return Figure.secondsBelow("demo.load", "Demo data loaded into milestone-service (the loader's JVM, start to exit)",
                seconds, 5, details);
    }
}
