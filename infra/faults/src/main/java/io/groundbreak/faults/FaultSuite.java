package io.groundbreak.faults;

import io.groundbreak.faults.report.ReportTable;
import io.groundbreak.faults.scenario.Scenario;
import io.groundbreak.faults.scenario.ScenarioResult;
import io.groundbreak.faults.scenario.ScenarioRunner;
import io.groundbreak.faults.scenario.Scenarios;
import io.groundbreak.faults.stack.Stack;
import io.groundbreak.reference.ReferenceData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code infra/local.sh faults [--cluster] [--quick] [--only NAME…]}: starts a fresh stack of its own (the
 * single-instance one, or the cluster with {@code --cluster}), runs every scenario of it (or those named) under
 * write load, prints the table and writes it to {@code <directory>/REPORT.md} ({@code CLUSTER-REPORT.md} for the
 * cluster); exits 1 when any scenario fails, 2 on a usage error.
 */
public final class FaultSuite {

    public static final Duration FULL_LOAD = Duration.ofSeconds(45);
    public static final Duration QUICK_LOAD = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(FaultSuite.class);

    /**
     * @param directory where the run lives ({@code run/}: data, logs, jars) and the report is written
     */
    public record Options(boolean quick, boolean cluster, List<String> only, Path directory, Path servicesDirectory) {

        public Duration loadDuration() {
            return quick ? QUICK_LOAD : FULL_LOAD;
        }

        public String reportName() {
            return cluster ? "CLUSTER-REPORT.md" : "REPORT.md";
        }

        static Options parse(String[] args) {
            boolean quick = false;
            boolean cluster = false;
            List<String> only = new ArrayList<>();
            Path directory = Path.of(System.getProperty("groundbreak.faults.directory", "infra/faults/target"));
            Path services = Path.of(System.getProperty("groundbreak.services.directory", directory.resolve("services").toString()));
            boolean readingNames = false;
            for (String arg : args) {
                if (arg.equals("--quick")) {
                    quick = true;
                    readingNames = false;
                } else if (arg.equals("--cluster")) {
                    cluster = true;
                    readingNames = false;
                } else if (arg.equals("--only")) {
                    readingNames = true;
                } else if (arg.startsWith("--only=")) {
                    only.addAll(List.of(arg.substring("--only=".length()).split(",")));
                } else if (readingNames && !arg.startsWith("--")) {
                    only.addAll(List.of(arg.split(",")));
                } else {
                    throw new IllegalArgumentException("unknown argument " + arg);
                }
            }
            for (String name : only) {
                if (!Scenarios.names(cluster).contains(name)) {
                    throw new IllegalArgumentException("no scenario " + name + (cluster ? " in the cluster" : "")
                            + "; there are " + Scenarios.names(cluster));
                }
            }
            return new Options(quick, cluster, List.copyOf(only), directory, services);
        }
    }

    private FaultSuite() {
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("faults: " + e.getMessage());
            System.err.println("usage: infra/local.sh faults [--cluster] [--quick] [--only NAME…]   scenarios: "
                    + String.join(" ", Scenarios.names(false)) + "; with --cluster: " + String.join(" ", Scenarios.names(true)));
            System.exit(2);
            return;
        }
        List<ScenarioResult> results = run(options);
        System.exit(results.stream().allMatch(ScenarioResult::passed) ? 0 : 1);
    }

    /** Starts the stack, runs the scenarios, writes the report; the stack is stopped at the end. */
    public static List<ScenarioResult> run(Options options) throws Exception {
        List<Scenario> scenarios = Scenarios.of(options.cluster()).stream()
                .filter(scenario -> options.only().isEmpty() || options.only().contains(scenario.name())).toList();
        Instant startedAt = Instant.now();
        ReferenceData referenceData = ReferenceData.loadDefault();
        List<ScenarioResult> results = new ArrayList<>();
        log.info("fault suite: {} scenario(s), load {} s each; the stack lives in {}", scenarios.size(),
                options.loadDuration().toSeconds(), options.directory().resolve("run").toAbsolutePath());
        Stack started;
        try {
            started = options.cluster() ? Stack.startCluster(options.directory().resolve("run"), options.servicesDirectory())
                    : Stack.start(options.directory().resolve("run"), options.servicesDirectory());
        } catch (RuntimeException e) {
            // a service that does not start is a finding too: say which, and where its log is
            String report = ReportTable.title(options.cluster()) + "\n\nRun " + startedAt
                    + ": **the stack did not start**, no scenario ran: " + e.getMessage() + "\n";
            Files.createDirectories(options.directory());
            Files.writeString(options.directory().resolve(options.reportName()), report, StandardCharsets.UTF_8);
            System.out.println(report);
            throw e;
        }
        try (Stack stack = started) {
            log.info("the stack answers after {} s", Duration.between(startedAt, Instant.now()).toSeconds());
            String topic = stack.isCluster() ? stack.topicSettings() : null;
            if (topic != null) {
                log.info("{}", topic);
            }
            ScenarioRunner runner = new ScenarioRunner(stack, options.loadDuration(), referenceData.districtCodes(),
                    referenceData.chainCodes());
            for (Scenario scenario : scenarios) {
                ScenarioResult result = runner.run(scenario);
                results.add(result);
                log.info("[{}] {}{}", result.scenario(), result.passed() ? "PASS" : "FAIL",
                        result.passed() ? "" : ": " + result.problems());
                write(options, results, startedAt, topic); // a run cut short still leaves what it found
            }
            String report = write(options, results, startedAt, topic);
            System.out.println();
            System.out.println(report);
        }
        return results;
    }
    private static String write(Options options, List<ScenarioResult> results, Instant startedAt, String topic) throws Exception {
        String machine = Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version");
        String report = options.cluster() ? ReportTable.renderCluster(results, options.loadDuration(), startedAt, machine, topic)
                : ReportTable.render(results, options.loadDuration(), startedAt, machine);
        Files.createDirectories(options.directory());
        Files.writeString(options.directory().resolve(options.reportName()), report, StandardCharsets.UTF_8);
        return report;
    }
}
