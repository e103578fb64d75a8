package io.groundbreak.faults.report;

import io.groundbreak.faults.scenario.ClusterFigures;
import io.groundbreak.faults.scenario.ScenarioResult;
import io.groundbreak.faults.stack.Stack;
import io.groundbreak.faults.watch.Stall;
import io.groundbreak.faults.scenario.ScenarioRunner;
import io.groundbreak.faults.load.MilestoneClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The suite's report as Markdown: one row per scenario, then each scenario's notes and problems. */
public final class ReportTable {

    /** The headers of {@link #countCells}. */
    private static final String COUNT_COLUMNS =
            "| scenario | acknowledged | in event store | in ledger | in funnel | double-counted | converged (s) ";

    private ReportTable() {
    }

    public static String title(boolean cluster) {
        return cluster ? "# Fault-injection suite on the cluster (`infra/local.sh faults --cluster`)"
                : "# Fault-injection suite (`infra/local.sh faults`)";
    }

    public static String render(List<ScenarioResult> results, Duration loadDuration, Instant startedAt, String machine) {
        StringBuilder out = new StringBuilder();
        out.append(title(false)).append("\n\n");
        out.append("Run ").append(startedAt).append(" on ").append(machine).append(". Each scenario: ")
                .append(ScenarioRunner.LOAD_CLIENTS).append(" district clients write for ").append(loadDuration.toSeconds())
                .append(" s (register, then TALKS … PRODUCING; Idempotency-Key on every POST; retry on 5xx, connection "
                        + "errors and timeouts with the same key, after Retry-After), the fault a third of the way in. "
                        + "Counts are of this scenario's acknowledged events (the 201s). Bound: every store and view "
                        + "agrees with the reference within ").append(ScenarioRunner.CONVERGENCE_BOUND.toSeconds())
                .append(" s of the load's end and the fault's healing; client timeout ")
                .append(MilestoneClient.REQUEST_TIMEOUT.toSeconds()).append(" s; outage window = the fault + ")
                .append(ScenarioRunner.OUTAGE_GRACE.toSeconds()).append(" s.\n\n");
        out.append(COUNT_COLUMNS + "| 5xx outside outage | 5xx in outage (not 503+Retry-After) | 4xx to valid writes "
                + "| timeouts | scenario check | result |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
        for (ScenarioResult result : results) {
            countCells(result, out)
                    .append(" | ").append(result.serverErrorsOutside())
                    .append(" | ").append(result.serverErrorsInside()).append(" (").append(result.impoliteInside()).append(")")
                    .append(" | ").append(result.refused())
                    .append(" | ").append(result.timeouts())
                    .append(" | ").append(result.check().isEmpty() ? "—" : result.check().replace("|", "/"))
                    .append(" | ").append(result.passed() ? "PASS" : "**FAIL**")
                    .append(" |\n");
        }
        details(results, out);
        return out.toString();
    }

    /**
     * The cluster's report: the counts as in the single-instance one, then how long writes were kept waiting and
     * how long each reader stood still, against the bounds stated in its header.
     */
    public static String renderCluster(List<ScenarioResult> results, Duration loadDuration, Instant startedAt, String machine,
                                       String topic) {
        StringBuilder out = new StringBuilder();
        out.append(title(true)).append("\n\n");
        out.append("Run ").append(startedAt).append(" on ").append(machine).append(". The cluster: ")
                .append(Stack.CLUSTER_BROKERS).append(" KRaft brokers (").append(topic).append("), ")
                .append(Stack.CLUSTER_INSTANCES).append(" instances each of milestone-service, funnel-service, audit-service "
                        + "and web behind HAProxy (infra/cluster/haproxy.cfg.template), one PostgreSQL. Each scenario: ")
                .append(ScenarioRunner.LOAD_CLIENTS).append(" district clients write through HAProxy for ")
                .append(loadDuration.toSeconds()).append(" s, and on until the fault is healed plus ")
                .append(loadDuration.dividedBy(3).toSeconds()).append(" s (register, then TALKS … PRODUCING; Idempotency-Key "
                        + "on every POST; retry on 5xx, connection errors and timeouts with the same key, after Retry-After), "
                        + "the fault a third of the way in. Counts are of this scenario's acknowledged events (the 201s); "
                        + "double-counted: projects funnel-service's funnel or audit-service's ledger counts beyond them.\n\n");
        out.append("Bounds: every store and view agrees with the reference within ").append(ScenarioRunner.CONVERGENCE_BOUND.toSeconds())
                .append(" s of the load's end and the fault's healing; **no write is refused (5xx or no answer) for longer than ")
                .append(ScenarioRunner.REFUSAL_BOUND.toSeconds()).append(" s** (from its first refused attempt to the 201); "
                        + "no valid write gets a 4xx; when an instance dies or leaves (instance-kill, rolling-restart), no "
                        + "partition with records waiting goes unread by its group for longer than ")
                .append(ScenarioRunner.TAKEOVER_BOUND.toSeconds()).append(" s; the publisher is handed over within ")
                .append(ScenarioRunner.HANDOVER_BOUND.toSeconds()).append(" s. Stalls are sampled every 0.5 s (committed offset against end "
                        + "offset per partition; the publisher's token against the event store's head), so they read up to "
                        + "about a second long in steady running.\n\n");
        out.append(COUNT_COLUMNS + "| longest refused write (s) | longest with no write taken (s) | 5xx (not 503+Retry-After) | 4xx to valid writes "
                + "| timeouts | funnel stall (s) | audit stall (s) | publisher stall (s) | publisher handover (s) | replicas in sync (s) | result |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (ScenarioResult result : results) {
            ClusterFigures figures = result.cluster();
            countCells(result, out)
                    .append(" | ").append(figures.longestRefusedWrite().map(write -> seconds(write.seconds())).orElse("0"))
                    .append(" | ").append(seconds(figures.longestSilence().toMillis() / 1000.0))
                    .append(" | ").append(result.serverErrorsOutside() + result.serverErrorsInside())
                    .append(" (").append(result.serverErrorsOutside() + result.impoliteInside()).append(")")
                    .append(" | ").append(result.refused())
                    .append(" | ").append(result.timeouts())
                    .append(" | ").append(stall(figures.funnelStall()))
                    .append(" | ").append(stall(figures.auditStall()))
                    .append(" | ").append(stall(figures.publisherStall()))
                    .append(" | ").append(measured(figures, ClusterFigures.PUBLISHER_HANDOVER))
                    .append(" | ").append(measured(figures, ClusterFigures.REPLICAS_BACK))
                    .append(" | ").append(result.passed() ? "PASS" : "**FAIL**")
                    .append(" |\n");
        }
        details(results, out);
        for (ScenarioResult result : results) {
            ClusterFigures figures = result.cluster();
            out.append("\n").append(result.scenario()).append(" stalls: ");
            out.append(String.join("; ", java.util.stream.Stream.of(figures.funnelStall(), figures.auditStall(), figures.publisherStall())
                    .flatMap(java.util.Optional::stream)
                    .map(stall -> stall.reader() + " " + seconds(stall.seconds()) + " s from " + stall.from()
                            + (stall.ended() ? "" : " (not over at the end)")).toList()));
            figures.longestRefusedWrite().ifPresent(write -> out.append("; longest refused write: ").append(write.key())
                    .append(", ").append(seconds(write.seconds())).append(" s from ").append(write.from()).append(", first answer: ")
                    .append(String.valueOf(write.firstProblem()).replace("|", "/")));
            out.append(".\n");
        }
        return out.toString();
    }

    /** The cells both reports begin a row with: the scenario, where its acknowledged events are, when all agreed. */
    private static StringBuilder countCells(ScenarioResult result, StringBuilder out) {
        return out.append("| ").append(result.scenario())
                .append(" | ").append(result.acknowledged())
                .append(" | ").append(result.inEventStore())
                .append(" | ").append(result.inLedger())
                .append(" | ").append(result.inFunnel())
                .append(" | ").append(result.doubleCounted())
                .append(" | ").append(result.secondsToConverge() == null
                        ? "not within " + ScenarioRunner.CONVERGENCE_BOUND.toSeconds() : seconds(result.secondsToConverge()));
    }

    private static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.1f", seconds);
    }

    private static String stall(java.util.Optional<Stall> stall) {
        return stall.map(found -> seconds(found.seconds()) + (found.ended() ? "" : "+")).orElse("0");
    }

    private static String measured(ClusterFigures figures, String what) {
        Duration duration = figures.measured().get(what);
        return duration == null ? "—" : seconds(duration.toMillis() / 1000.0);
    }

    private static void details(List<ScenarioResult> results, StringBuilder out) {
        long failed = results.stream().filter(result -> !result.passed()).count();
        out.append("\n").append(results.size() - failed).append(" of ").append(results.size()).append(" scenarios passed.\n");
        for (ScenarioResult result : results) {
            out.append("\n### ").append(result.scenario()).append(" — ").append(result.passed() ? "PASS" : "FAIL").append("\n");
            out.append("Fault: ").append(result.fault()).append(". Requests sent: ").append(result.requests())
                    .append("; events stored but never acknowledged (a client gave up): ").append(result.unacknowledgedStored())
                    .append(".\n");
            for (String problem : result.problems()) {
                out.append("- **problem:** ").append(problem.replace("\n", " ")).append("\n");
            }
            for (String note : result.notes()) {
                out.append("- ").append(note.replace("\n", " ")).append("\n");
            }
        }
    }
}
