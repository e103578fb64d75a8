package io.groundbreak.faults.scenario;

import io.groundbreak.faults.check.FunnelViews;
import io.groundbreak.faults.check.Reference;
import io.groundbreak.faults.check.StageFigures;
import io.groundbreak.faults.check.StoreSnapshot;
import io.groundbreak.faults.load.Acknowledged;
import io.groundbreak.faults.load.Attempt;
import io.groundbreak.faults.load.WriteLoad;
import io.groundbreak.faults.stack.Stack;
import io.groundbreak.faults.watch.ClusterWatch;
import io.groundbreak.faults.watch.Refusals;
import io.groundbreak.faults.watch.Stall;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs scenarios one after the other on one stack: the write load, the fault a third of the way through, then
 * the wait for every store and view to agree with what the clients were told, within {@link #CONVERGENCE_BOUND}.
 */
public final class ScenarioRunner {

    /** After the load has ended and the fault is healed, every view must agree with the reference within this. */
    public static final Duration CONVERGENCE_BOUND = Duration.ofSeconds(120);
    /** 5xx answers this long after the outage ended still count as the outage's (pools reconnecting). */
    public static final Duration OUTAGE_GRACE = Duration.ofSeconds(15);
    public static final int LOAD_CLIENTS = 8;
    /** The cluster's load before its end is known: longer than any fault is given to heal. */
    private static final Duration UNTIL_HEALED = Duration.ofHours(1);
    /** In the cluster: no write may be kept refused (5xx, no answer) for longer than this before it is taken. */
    public static final Duration REFUSAL_BOUND = Duration.ofSeconds(10);
    /** In the cluster: a partition left by a dead or stopped instance is read again within this (issue 17). */
    public static final Duration TAKEOVER_BOUND = Duration.ofSeconds(10);
    /** In the cluster: the publisher "hands over within seconds" when its instance dies (issue 17); held to this. */
    public static final Duration HANDOVER_BOUND = Duration.ofSeconds(15);

    private static final Logger log = LoggerFactory.getLogger(ScenarioRunner.class);

    private final Stack stack;
    private final Reference reference = new Reference();
    private final Duration loadDuration;
    private final List<String> loadDistricts;
    private final String foreignDistrict;
    private final List<String> chains;
    private final Set<String> chainsUsed = new LinkedHashSet<>();
    private int scenariosRun;

    /**
     * @param districts the reference data's district codes: the first {@value #LOAD_CLIENTS} write, the last one
     *                  takes the foreign producer's records
     * @param chains    the reference data's chain codes: each scenario writes to its own
     */
    public ScenarioRunner(Stack stack, Duration loadDuration, List<String> districts, List<String> chains) {
        this.stack = stack;
        this.loadDuration = loadDuration;
        this.loadDistricts = districts.subList(0, LOAD_CLIENTS);
        this.foreignDistrict = districts.get(districts.size() - 1);
        this.chains = chains;
    }

    /**
     * In the cluster the load goes on until the fault is healed and a third of the load's duration more (a rolling
     * restart outlasts any planned load), and the readers are sampled throughout ({@link ClusterWatch}).
     */
    public ScenarioResult run(Scenario scenario) throws InterruptedException {
        try (ClusterWatch watch = stack.isCluster() ? ClusterWatch.start(stack) : null) {
            return run(scenario, watch);
        }
    }

    private ScenarioResult run(Scenario scenario, ClusterWatch watch) throws InterruptedException {
        String chain = chains.get(scenariosRun++ % chains.size());
        chainsUsed.add(chain);
        FaultContext context = new FaultContext(stack, reference, scenario.name(), chain, loadDistricts, foreignDistrict, watch);
        log.info("[{}] {} clients write for {} s (chain {}); fault: {}", scenario.name(), loadDistricts.size(),
                loadDuration.toSeconds(), chain, scenario.fault());
        Instant planned = Instant.now().plus(loadDuration);
        // in the cluster the clients write on until told when to stop, once the fault is healed
        WriteLoad load = WriteLoad.start(scenario.name(), stack.milestoneUrl("/"), loadDistricts, chain,
                watch == null ? loadDuration : UNTIL_HEALED, reference::add);
        Thread.sleep(loadDuration.dividedBy(3).toMillis());
        try {
            scenario.inject(context);
        } catch (Exception | AssertionError e) {
            context.problem("the fault could not be injected or healed: " + e);
            log.warn("[{}] injecting the fault failed", scenario.name(), e);
        }
        Instant injected = Instant.now();
        if (watch != null) {
            Instant afterHealing = injected.plus(loadDuration.dividedBy(3));
            load.stopAt(afterHealing.isAfter(planned) ? afterHealing : planned);
        }
        Instant loadFinished = load.awaitFinished();
        Instant healed = context.outageEnded() != null ? context.outageEnded() : injected;
        Instant convergeFrom = loadFinished.isAfter(healed) ? loadFinished : healed;
        log.info("[{}] load finished: {} acknowledged; waiting for the views (at most {} s)", scenario.name(),
                reference.of(scenario.name()).size(), CONVERGENCE_BOUND.toSeconds());

        Convergence convergence = awaitConvergence(scenario.name(), chain, convergeFrom);
        try {
            scenario.verify(context);
        } catch (Exception | AssertionError e) {
            context.problem("the scenario's own check failed: " + e);
            log.warn("[{}] verify failed", scenario.name(), e);
        }
        ClusterFigures figures = watch == null ? null : new ClusterFigures(
                Refusals.longestRefusedWrite(load.attempts()), Refusals.longestSilence(load.attempts()),
                watch.longestStall(Stack.FUNNEL_GROUP), watch.longestStall(Stack.AUDIT_GROUP), watch.publisherStall(),
                context.measured());
        return result(scenario, context, load.attempts(), convergence, figures);
    }

    /** The last look at the stores and views, and when (if ever) they all agreed. */
    private record Convergence(StoreSnapshot.Counts counts, Double seconds, Optional<String> difference,
                               long unacknowledgedStored) {
    }

    private Convergence awaitConvergence(String scenario, String chain, Instant from) throws InterruptedException {
        List<Acknowledged> acknowledged = reference.of(scenario);
        Map<String, List<StageFigures>> expected = reference.funnelOf(chain, loadDistricts);
        Instant deadline = from.plus(CONVERGENCE_BOUND);
        StoreSnapshot.Counts counts = new StoreSnapshot.Counts(acknowledged.size(), 0, 0, 0);
        Optional<String> difference = Optional.of("not looked at yet");
        long unacknowledgedStored = 0;
        while (true) {
            try {
                StoreSnapshot stores = StoreSnapshot.read(stack);
                counts = stores.count(acknowledged);
                unacknowledgedStored = stores.unacknowledgedInEventStore(acknowledged);
                difference = counts.complete() ? viewsDiffer(chain, expected) : Optional.of("stores incomplete: " + counts);
            } catch (Exception e) {
                difference = Optional.of("could not read the stores: " + e.getMessage());
            }
            if (difference.isEmpty()) {
                double seconds = Math.max(0, Duration.between(from, Instant.now()).toMillis() / 1000.0);
                log.info("[{}] converged {} s after the load ended and the fault was healed", scenario, seconds);
                return new Convergence(counts, seconds, difference, unacknowledgedStored);
            }
            if (Instant.now().isAfter(deadline)) {
                log.warn("[{}] not converged within {} s: {}", scenario, CONVERGENCE_BOUND.toSeconds(), difference.get());
                return new Convergence(counts, null, difference, unacknowledgedStored);
            }
            Thread.sleep(1000);
        }
    }

    /** funnel-service's live funnel and audit-service's replay against the reference; empty when both agree. */
    private Optional<String> viewsDiffer(String chain, Map<String, List<StageFigures>> expected) {
        Optional<Map<String, List<StageFigures>>> live = FunnelViews.live(stack, chain);
        if (live.isEmpty()) {
            return Optional.of("funnel-service did not answer its funnel");
        }
        Optional<String> liveDifference = FunnelViews.difference(expected, live.get());
        if (liveDifference.isPresent()) {
            return liveDifference.map(text -> "funnel-service: " + text);
        }
        for (Map.Entry<String, List<StageFigures>> district : expected.entrySet()) {
            Optional<List<StageFigures>> ledger = FunnelViews.ledger(stack, district.getKey(), chain);
            if (ledger.isEmpty()) {
                return Optional.of("audit-service did not answer its funnel");
            }
            Optional<String> ledgerDifference = FunnelViews.difference(Map.of(district.getKey(), district.getValue()),
                    Map.of(district.getKey(), ledger.get()));
            if (ledgerDifference.isPresent()) {
                return ledgerDifference.map(text -> "audit-service: " + text);
            }
        }
        return Optional.empty();
    }

    /** Projects funnel-service counts beyond the reference, over every chain the suite has written so far. */
    private long doubleCountedByFunnel() {
        long surplus = 0;
        for (String chain : chainsUsed) {
            Optional<Map<String, List<StageFigures>>> live = FunnelViews.live(stack, chain);
            if (live.isPresent()) {
                surplus += FunnelViews.surplus(reference.funnelOf(chain, loadDistricts), live.get());
            }
        }
        return surplus;
    }

    /** Projects audit-service's ledger counts beyond the reference, over every chain written so far. */
    private long doubleCountedByLedger() {
        long surplus = 0;
        for (String chain : chainsUsed) {
            for (Map.Entry<String, List<StageFigures>> district : reference.funnelOf(chain, loadDistricts).entrySet()) {
                Optional<List<StageFigures>> ledger = FunnelViews.ledger(stack, district.getKey(), chain);
                if (ledger.isPresent()) {
                    surplus += FunnelViews.surplus(Map.of(district.getKey(), district.getValue()),
                            Map.of(district.getKey(), ledger.get()));
                }
            }
        }
        return surplus;
    }

    private ScenarioResult result(Scenario scenario, FaultContext context, List<Attempt> attempts, Convergence convergence,
                                  ClusterFigures cluster) {
        Instant outageFrom = context.outageBegan();
        Instant outageTo = context.outageEnded() == null ? null : context.outageEnded().plus(OUTAGE_GRACE);
        long outside = 0;
        long inside = 0;
        long impolite = 0;
        long timeouts = 0;
        long refused = 0;
        List<String> problems = new ArrayList<>(context.problems());
        Set<String> impoliteExamples = new LinkedHashSet<>();
        for (Attempt attempt : attempts) {
            if (attempt.timedOut()) {
                timeouts++;
            }
            if (attempt.status() >= 400 && attempt.status() < 500) {
                refused++;
            }
            if (!attempt.isServerError()) {
                continue;
            }
            boolean inOutage = outageFrom != null && !attempt.at().isBefore(outageFrom)
                    && (outageTo == null || !attempt.at().isAfter(outageTo));
            if (inOutage) {
                inside++;
                if (!attempt.isPoliteUnavailable()) {
                    impolite++;
                    impoliteExamples.add(attempt.problem());
                }
            } else {
                outside++;
                impoliteExamples.add(attempt.problem());
            }
        }
        StoreSnapshot.Counts counts = convergence.counts();
        int acknowledged = counts.acknowledged();
        if (counts.inEventStore() < acknowledged) {
            problems.add((acknowledged - counts.inEventStore()) + " acknowledged events are not in the event store");
        }
        if (counts.inLedger() < acknowledged) {
            problems.add((acknowledged - counts.inLedger()) + " acknowledged events are not in the ledger");
        }
        if (counts.inFunnel() < acknowledged) {
            problems.add((acknowledged - counts.inFunnel()) + " acknowledged events are not applied by the funnel");
        }
        if (convergence.seconds() == null) {
            problems.add("no convergence within " + CONVERGENCE_BOUND.toSeconds() + " s: " + convergence.difference().orElse(""));
        }
        long byFunnel = doubleCountedByFunnel();
        long byLedger = doubleCountedByLedger();
        if (byFunnel > 0) {
            problems.add(byFunnel + " project(s) counted more than once by funnel-service");
        }
        if (byLedger > 0) {
            problems.add(byLedger + " project(s) counted more than once by audit-service's ledger");
        }
        List<String> notes = new ArrayList<>(context.notes());
        if (cluster == null) {
            if (outside > 0) {
                problems.add(outside + " 5xx answer(s) outside the outage window");
            }
            if (impolite > 0) {
                problems.add(impolite + " 5xx answer(s) in the outage that were not 503 with Retry-After");
            }
            if (!impoliteExamples.isEmpty()) {
                problems.add("e.g. " + impoliteExamples.stream().limit(2).toList());
            }
        } else {
            // a client retries every 5xx with its key: in the cluster what counts is how long a write waits
            if (!impoliteExamples.isEmpty()) {
                notes.add((outside + impolite) + " 5xx answer(s) other than 503 with Retry-After (each retried), e.g. "
                        + impoliteExamples.stream().limit(2).toList());
            }
            problems.addAll(clusterProblems(scenario, cluster));
        }
        if (refused > 0) {
            // the clients only send what the rules allow: any refusal is a wrong answer (e.g. an outage taken for a conflict)
            problems.add(refused + " valid write(s) refused with a 4xx, e.g. " + attempts.stream()
                    .filter(attempt -> attempt.status() >= 400 && attempt.status() < 500).map(Attempt::problem)
                    .distinct().limit(2).toList());
        }
        if (timeouts > 0) {
            problems.add(timeouts + " request(s) unanswered within the client's timeout");
        }
        if (acknowledged == 0) {
            problems.add("no write was acknowledged at all");
        }
        return new ScenarioResult(scenario.name(), scenario.fault(), acknowledged, counts.inEventStore(), counts.inLedger(),
                counts.inFunnel(), byFunnel + byLedger, convergence.seconds(), outside, inside, impolite, refused, timeouts,
                attempts.size(), convergence.unacknowledgedStored(), context.extra(), notes, problems, cluster);
    }

    private static List<String> clusterProblems(Scenario scenario, ClusterFigures cluster) {
        List<String> problems = new ArrayList<>();
        cluster.longestRefusedWrite().filter(write -> write.length().compareTo(REFUSAL_BOUND) > 0).ifPresent(write ->
                problems.add(String.format(Locale.ROOT, "a write was refused for %.1f s (bound %d s) from %s: %s, key %s%s",
                        write.seconds(), REFUSAL_BOUND.toSeconds(), write.from(), write.firstProblem(), write.key(),
                        write.taken() ? "" : ", never taken")));
        scenario.takeoverBound().ifPresent(bound -> {
            for (Optional<Stall> stall : List.of(cluster.funnelStall(), cluster.auditStall())) {
                stall.filter(found -> found.length().compareTo(bound) > 0).ifPresent(found ->
                        problems.add(String.format(Locale.ROOT, "%s was not read for %.1f s (bound %d s) from %s%s",
                                found.reader(), found.seconds(), bound.toSeconds(), found.from(),
                                found.ended() ? "" : ", and still was not at the end")));
            }
        });
        return problems;
    }
}
