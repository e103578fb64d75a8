package io.groundbreak.faults.scenario;

import io.groundbreak.faults.check.ServiceHttp;
import io.groundbreak.faults.stack.ServiceJvm;
import io.groundbreak.faults.stack.Stack;
import io.groundbreak.faults.watch.ClusterWatch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * In the cluster: one instance of each service killed (SIGKILL) at once under load, milestone-service's the one
 * holding the publisher's token. Measured while they are down: the publisher's handover to the other instance,
 * and each consumer group reading every partition again; then they are started again.
 */
final class InstanceKill implements Scenario {

    /** How long the killed instances stay down at most, waiting for the takeovers to be seen. */
    private static final Duration WATCH_AT_MOST = Duration.ofSeconds(90);

    @Override
    public String name() {
        return "instance-kill";
    }

    @Override
    public String fault() {
        return "kill -9 of one instance of each service at once (milestone-service's the publisher's), restarted "
                + "once the others have taken over";
    }

    @Override
    public Optional<Duration> takeoverBound() {
        return Optional.of(ScenarioRunner.TAKEOVER_BOUND);
    }

    @Override
    public void inject(FaultContext context) throws InterruptedException {
        Stack stack = context.stack;
        ClusterWatch watch = context.watch;
        String owner = awaitOwner(watch);
        ServiceJvm publishing = publisherInstance(stack, owner);
        List<ServiceJvm> victims = List.of(publishing, stack.funnels.get(0), stack.audits.get(0), stack.webs.get(0));
        context.outageBegins();
        Instant killedAt = Instant.now();
        for (ServiceJvm victim : victims) {
            victim.kill();
        }
        context.note("killed " + victims.stream().map(ServiceJvm::name).toList() + " (the publisher's token held by " + owner + ")");

        Instant deadline = killedAt.plus(WATCH_AT_MOST);
        Optional<ClusterWatch.Owner> successor = Optional.empty();
        Optional<Duration> funnel = Optional.empty();
        Optional<Duration> audit = Optional.empty();
        while (Instant.now().isBefore(deadline) && (successor.isEmpty() || funnel.isEmpty() || audit.isEmpty())) {
            FaultContext.pause(Duration.ofMillis(500));
            successor = watch.firstOwnerOtherThan(owner, killedAt);
            funnel = watch.allReadAgainAfter(Stack.FUNNEL_GROUP, killedAt);
            audit = watch.allReadAgainAfter(Stack.AUDIT_GROUP, killedAt);
        }
        handover(context, successor, killedAt, WATCH_AT_MOST);
        report(context, "funnel-service", funnel);
        report(context, "audit-service", audit);
        ServiceHttp.Answer web = ServiceHttp.get(stack.webUrl("/actuator/health"), "leader");
        context.note("web through HAProxy with " + stack.webs.get(0).name() + " down: " + web.status());
        if (web.status() != 200) {
            context.problem("web did not answer through HAProxy with one instance down: " + web.status() + " " + web.text());
        }

        for (ServiceJvm victim : victims) {
            victim.start();
        }
        for (ServiceJvm victim : victims) {
            context.restart(victim);
        }
        context.outageEnds();
    }

    private static void report(FaultContext context, String service, Optional<Duration> readAgain) {
        readAgain.ifPresentOrElse(
                after -> context.note(String.format(java.util.Locale.ROOT, "%s: every partition read again %.1f s after the "
                        + "kill (the publisher's handover included)", service, after.toMillis() / 1000.0)),
                () -> context.problem(service + ": not every partition was read again within " + WATCH_AT_MOST.toSeconds() + " s"));
    }

    /** Reports the publisher's handover (or its absence) and holds it to {@link ScenarioRunner#HANDOVER_BOUND}. */
    static void handover(FaultContext context, Optional<ClusterWatch.Owner> successor, Instant since, Duration waited) {
        if (successor.isEmpty()) {
            context.problem("the publisher's token was not taken over within " + waited.toSeconds() + " s");
            return;
        }
        Duration took = Duration.between(since, successor.get().at());
        context.measured(ClusterFigures.PUBLISHER_HANDOVER, took);
        context.note("the publisher's token is now held by " + successor.get().owner());
        if (took.compareTo(ScenarioRunner.HANDOVER_BOUND) > 0) {
            context.problem(String.format(java.util.Locale.ROOT, "the publisher was handed over after %.1f s (bound %d s)",
                    took.toMillis() / 1000.0, ScenarioRunner.HANDOVER_BOUND.toSeconds()));
        }
    }

    /** Who holds the publisher's token ({@code pid@host}); waits for the watch's first sample of it. */
    static String awaitOwner(ClusterWatch watch) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (watch.currentOwner().isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("nobody holds the publisher's token (" + ClusterWatch.PUBLISHER + ")");
            }
            FaultContext.pause(Duration.ofMillis(250));
        }
        return watch.currentOwner().get();
    }

    static ServiceJvm publisherInstance(Stack stack, String owner) {
        List<String> pids = new ArrayList<>();
        for (ServiceJvm milestone : stack.milestones) {
            pids.add(milestone.pid() + "");
            if (owner.startsWith(milestone.pid() + "@")) {
                return milestone;
            }
        }
        throw new IllegalStateException("the publisher's token is held by " + owner + ", none of milestone-service's pids " + pids);
    }
}
