package io.groundbreak.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP figure from an independent load generator: wrk (a C program, its own event loop) with
 * {@code wrk/register-projects.lua}, so that the bench's Java threads are not what limits the rate. Every request
 * registers a project with a code no run has used; the script's {@code done()} prints one machine-readable line
 * ({@code wrk-figures: …}) with the 201 count, the other answers, the duration and the latency percentiles.
 */
final class WrkLoad {

    /** wrk's own threads; the connections are spread over them (2 cores here). */
    private static final int THREADS = 2;
    private static final Pattern FIGURES = Pattern.compile(
            "wrk-figures: requests=(\\d+) created=(\\d+) other=(\\d+) errors=(\\d+) seconds=([0-9.]+) "
                    + "p50_us=([0-9.]+) p99_us=([0-9.]+)");

    /** What one wrk run measured. */
    record Result(long created, long other, long errors, double seconds, double p50Ms, double p99Ms, String output) {

        double createdPerSecond() {
            return created / seconds;
        }

        Map<String, Object> details(int connections) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("connections", connections);
            details.put("wrkThreads", THREADS);
            details.put("created", created);
            details.put("otherAnswers", other);
            details.put("socketErrors", errors);
            details.put("seconds", seconds);
            details.put("p50Ms", p50Ms);
            details.put("p99Ms", p99Ms);
            details.put("workload", "POST /api/projects, each a new project (wrk/register-projects.lua)");
            return details;
        }
    }

    private final Path script;
    private final Path logs;

    WrkLoad(Path script, Path logs) {
        this.script = script;
        this.logs = logs;
    }

    /** The wrk on the PATH, or null: run.sh installs Debian's package; a test machine may not have it. */
    static Path executable() {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(directory.isEmpty() ? "." : directory, "wrk");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** The script in the repository: found from the working directory (the repository root or infra/bench). */
    static Path script() {
        for (String candidate : List.of("infra/bench/wrk/register-projects.lua", "wrk/register-projects.lua")) {
            Path path = Path.of(candidate);
            if (Files.isRegularFile(path)) {
                return path.toAbsolutePath();
            }
        }
        return null;
    }

    /** Runs wrk for {@code seconds} with {@code connections} against {@code base}; {@code name} names its log. */
    Result run(String name, URI base, int connections, int seconds) throws IOException, InterruptedException {
        Path wrk = executable();
        List<String> command = new ArrayList<>(List.of(wrk.toString(), "-t" + THREADS, "-c" + connections,
                "-d" + seconds + "s", "--timeout", "30s", "-s", script.toString(), base.toString()));
        Files.createDirectories(logs);
        Path log = logs.resolve("wrk-" + name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(seconds + 120L, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("wrk did not finish within " + (seconds + 120) + " s; see " + log);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Matcher matcher = FIGURES.matcher(output);
        if (process.exitValue() != 0 || !matcher.find()) {
            throw new IllegalStateException("wrk failed (exit " + process.exitValue() + "): " + output);
        }
        return new Result(Long.parseLong(matcher.group(2)), Long.parseLong(matcher.group(3)),
                Long.parseLong(matcher.group(4)), Double.parseDouble(matcher.group(5)),
                Double.parseDouble(matcher.group(6)) / 1000, Double.parseDouble(matcher.group(7)) / 1000, output);
    }

    static String valueText(Result result) {
        return String.format(Locale.ROOT, "%s (p50 %s ms, p99 %s ms)", Figure.rate(result.createdPerSecond(), "writes/s"),
                Figure.millis(result.p50Ms()), Figure.millis(result.p99Ms()));
    }
}
