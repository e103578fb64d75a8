package io.groundbreak.faults.report;

import io.groundbreak.faults.scenario.ScenarioResult;
import io.groundbreak.faults.scenario.ScenarioRunner;
import io.groundbreak.faults.load.MilestoneClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The suite's report as Markdown: one row per scenario, then each scenario's notes and problems. */
public final class ReportTable {

    private ReportTable() {
    }

    public static String render(List<ScenarioResult> results, Duration loadDuration, Instant startedAt, String machine) {
        StringBuilder out = new StringBuilder();
        out.append("# Fault-injection suite (`infra/local.sh faults`)\n\n");
        out.append("Run ").append(startedAt).append(" on ").append(machine).append(". Each scenario: ")
                .append(ScenarioRunner.LOAD_CLIENTS).append(" district clients write for ").append(loadDuration.toSeconds())
                .append(" s (register, then TALKS … PRODUCING; Idempotency-Key on every POST; retry on 5xx, connection "
                        + "errors and timeouts with the same key, after Retry-After), the fault a third of the way in. "
                        + "Counts are of this scenario's acknowledged events (the 201s). Bound: every store and view "
                        + "agrees with the reference within ").append(ScenarioRunner.CONVERGENCE_BOUND.toSeconds())
                .append(" s of the load's end and the fault's healing; client timeout ")
                .append(MilestoneClient.REQUEST_TIMEOUT.toSeconds()).append(" s; outage window = the fault + ")
                .append(ScenarioRunner.OUTAGE_GRACE.toSeconds()).append(" s.\n\n");
        out.append("| scenario | acknowledged | in event store | in ledger | in funnel | double-counted | converged (s) "
                + "| 5xx outside outage | 5xx in outage (not 503+Retry-After) | 4xx to valid writes | timeouts | scenario check | result |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
        for (ScenarioResult result : results) {
            out.append("| ").append(result.scenario())
                    .append(" | ").append(result.acknowledged())
                    .append(" | ").append(result.inEventStore())
                    .append(" | ").append(result.inLedger())
                    .append(" | ").append(result.inFunnel())
                    .append(" | ").append(result.doubleCounted())
                    .append(" | ").append(result.secondsToConverge() == null ? "not within "
                            + ScenarioRunner.CONVERGENCE_BOUND.toSeconds() : String.format(Locale.ROOT, "%.1f", result.secondsToConverge()))
                    .append(" | ").append(result.serverErrorsOutside())
                    .append(" | ").append(result.serverErrorsInside()).append(" (").append(result.impoliteInside()).append(")")
                    .append(" | ").append(result.refused())
                    .append(" | ").append(result.timeouts())
                    .append(" | ").append(result.check().isEmpty() ? "—" : result.check().replace("|", "/"))
                    .append(" | ").append(result.passed() ? "PASS" : "**FAIL**")
                    .append(" |\n");
        }
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
        return out.toString();
    }
}
