package io.groundbreak.faults.scenario;

import io.groundbreak.faults.stack.Signals;
import io.groundbreak.faults.stack.Stack;
import io.groundbreak.testsupport.ChildProcessKafkaBroker;
import java.time.Duration;

/**
 * In the cluster: the broker leading most partitions partitioned away from the others by SIGSTOP for 30 s (it keeps
 * its sockets and answers nothing, as behind a network partition), then SIGCONT.
 */
final class BrokerFreeze implements Scenario {

    private static final Duration FROZEN = Duration.ofSeconds(30);

    @Override
    public String name() {
        return "broker-sigstop-30s";
    }

    @Override
    public String fault() {
        return "the broker leading most partitions SIGSTOP " + FROZEN.toSeconds() + " s, then SIGCONT";
    }

    @Override
    public void inject(FaultContext context) throws InterruptedException {
        Stack stack = context.stack;
        ChildProcessKafkaBroker broker = stack.leadingBroker();
        context.outageBegins();
        Signals.send(broker.pid(), "STOP");
        context.note("broker " + broker.bootstrapServers() + " frozen");
        try {
            FaultContext.pause(FROZEN);
        } finally {
            Signals.send(broker.pid(), "CONT");
        }
        context.note("broker " + broker.bootstrapServers() + " resumed");
        context.measured(ClusterFigures.REPLICAS_BACK, stack.awaitInSync(Duration.ofMinutes(3)));
        context.outageEnds();
    }
}
