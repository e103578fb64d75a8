package io.groundbreak.faults.scenario;

import io.groundbreak.faults.stack.ServiceJvm;
import io.groundbreak.faults.stack.Stack;
import io.groundbreak.faults.watch.ClusterWatch;
import io.groundbreak.testsupport.ChildProcessKafkaBroker;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * In the cluster: every process restarted one at a time under load, as an operator patches machines: each broker
 * (controlled shutdown, start, until its replicas are in sync), each service instance (SIGTERM, start, until it
 * answers and HAProxy sends it requests again; the publisher's owner only once the other instance holds the token),
 * and HAProxy itself (a graceful reload).
 */
final class RollingRestart implements Scenario {

    private static final Duration HANDOVER_AT_MOST = Duration.ofSeconds(60);

    @Override
    public String name() {
        return "rolling-restart";
    }

    @Override
    public String fault() {
        return "every broker, service instance and HAProxy restarted one at a time, each back before the next";
    }

    @Override
    public Optional<Duration> takeoverBound() {
        return Optional.of(ScenarioRunner.TAKEOVER_BOUND);
    }

    @Override
    public void inject(FaultContext context) throws InterruptedException {
        Stack stack = context.stack;
        context.outageBegins();
        for (ChildProcessKafkaBroker broker : stack.brokers) {
            broker.stop();
            broker.start();
            Duration inSync = stack.awaitInSync(Duration.ofMinutes(3));
            context.note(String.format(java.util.Locale.ROOT, "broker %s restarted, its replicas in sync %.1f s after it served",
                    broker.bootstrapServers(), inSync.toMillis() / 1000.0));
        }
        for (ServiceJvm service : stack.services()) {
            String owner = stack.milestones.contains(service) ? InstanceKill.awaitOwner(context.watch) : null;
            boolean publishing = owner != null && InstanceKill.publisherInstance(stack, owner) == service;
            Instant stoppedAt = Instant.now();
            service.stop();
            if (publishing) {
                InstanceKill.handover(context, awaitOther(context.watch, owner, stoppedAt), stoppedAt, HANDOVER_AT_MOST);
            }
            context.restart(service);
        }
        stack.balancer.reload();
        context.note("HAProxy reloaded");
        context.outageEnds();
    }

    private static Optional<ClusterWatch.Owner> awaitOther(ClusterWatch watch, String owner, Instant since)
            throws InterruptedException {
        Instant deadline = since.plus(HANDOVER_AT_MOST);
        Optional<ClusterWatch.Owner> other = watch.firstOwnerOtherThan(owner, since);
        while (other.isEmpty() && Instant.now().isBefore(deadline)) {
            FaultContext.pause(Duration.ofMillis(250));
            other = watch.firstOwnerOtherThan(owner, since);
        }
        return other;
    }
}
