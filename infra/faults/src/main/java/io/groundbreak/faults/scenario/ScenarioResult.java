package io.groundbreak.faults.scenario;

import java.util.List;

/**
 * One scenario's row of the report.
 *
 * @param secondsToConverge from the moment the load had ended and the fault was healed until every store and view
 *                          agreed with the reference; null when they did not within the bound
 * @param serverErrorsOutside 5xx answers outside the outage window (the window plus its grace)
 * @param serverErrorsInside 5xx answers inside it
 * @param impoliteInside of those, the ones that were not 503 with Retry-After
 * @param refused 4xx answers to the load's writes, which are all valid: each one is a wrong answer
 * @param timeouts requests the client gave up waiting for (no answer within its timeout)
 * @param check the scenario's own finding (dead letters, the door's answers), or ""
 * @param problems every reason the scenario fails; empty when it passes
 * @param cluster what a cluster scenario measured beyond the counts; null on the single-instance stack
 */
public record ScenarioResult(String scenario, String fault, int acknowledged, int inEventStore, int inLedger,
                             int inFunnel, long doubleCounted, Double secondsToConverge, long serverErrorsOutside,
                             long serverErrorsInside, long impoliteInside, long refused, long timeouts, long requests,
                             long unacknowledgedStored, String check, List<String> notes, List<String> problems,
                             ClusterFigures cluster) {

    public boolean passed() {
        return problems.isEmpty();
    }
}
