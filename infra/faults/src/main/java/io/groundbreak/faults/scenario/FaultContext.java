package io.groundbreak.faults.scenario;

import io.groundbreak.faults.check.Reference;
import io.groundbreak.faults.stack.ServiceJvm;
import io.groundbreak.faults.stack.Stack;
import io.groundbreak.faults.watch.ClusterWatch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What a scenario works with: the stack, the reference so far, its outage window, its notes and problems. */
public final class FaultContext {

    private static final Logger log = LoggerFactory.getLogger(FaultContext.class);

    public final Stack stack;
    public final Reference reference;
    public final String scenario;
    public final String chain;
    public final List<String> loadDistricts;
    /** A district no load client writes for: foreign records go there, so they never touch the compared figures. */
    public final String foreignDistrict;
    private final List<String> notes = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private Instant outageBegan;
    private Instant outageEnded;
    /** The scenario's own column in the report (dead letters, the door's answer), or "" */
    private String extra = "";
    private final Map<String, Duration> measured = new LinkedHashMap<>();
    /** Samples the cluster's readers while the scenario runs; null on the single-instance stack. */
    public final ClusterWatch watch;

    FaultContext(Stack stack, Reference reference, String scenario, String chain, List<String> loadDistricts,
                 String foreignDistrict, ClusterWatch watch) {
        this.watch = watch;
        this.stack = stack;
        this.reference = reference;
        this.scenario = scenario;
        this.chain = chain;
        this.loadDistricts = loadDistricts;
        this.foreignDistrict = foreignDistrict;
    }

    public synchronized void outageBegins() {
        outageBegan = Instant.now();
        log.info("[{}] outage begins", scenario);
    }

    public synchronized void outageEnds() {
        outageEnded = Instant.now();
        log.info("[{}] outage ends ({} s)", scenario, Duration.between(outageBegan, outageEnded).toSeconds());
    }

    synchronized Instant outageBegan() {
        return outageBegan;
    }

    synchronized Instant outageEnded() {
        return outageEnded;
    }

    public synchronized void note(String note) {
        notes.add(note);
        log.info("[{}] {}", scenario, note);
    }

    /** A finding that fails the scenario. */
    public synchronized void problem(String problem) {
        problems.add(problem);
        log.warn("[{}] PROBLEM: {}", scenario, problem);
    }

    public synchronized void extra(String extra) {
        this.extra = extra;
    }

    synchronized String extra() {
        return extra;
    }

    /** A time the scenario measured (the publisher's handover, the replicas' return); the report shows the longest. */
    public synchronized void measured(String what, Duration duration) {
        measured.merge(what, duration, (one, other) -> one.compareTo(other) >= 0 ? one : other);
        note(String.format(java.util.Locale.ROOT, "%s: %.1f s", what, duration.toMillis() / 1000.0));
    }

    synchronized Map<String, Duration> measured() {
        return Map.copyOf(measured);
    }

    synchronized List<String> notes() {
        return List.copyOf(notes);
    }

    synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    /**
     * Starts the service again (same port, same configuration) and waits until it answers (and, in the cluster,
     * until HAProxy sends it requests again).
     */
    public void restart(ServiceJvm service) {
        service.start();
        service.awaitHealthy();
        if (stack.balancer != null) {
            stack.balancer.awaitUp(service.name(), Duration.ofSeconds(60));
        }
        note(service.name() + " answers again");
    }

    public static void pause(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }
}
