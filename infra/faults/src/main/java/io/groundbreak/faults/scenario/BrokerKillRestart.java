package io.groundbreak.faults.scenario;

import io.groundbreak.faults.stack.Stack;
import io.groundbreak.testsupport.ChildProcessKafkaBroker;
import java.time.Duration;

/** In the cluster: the broker leading most partitions killed (SIGKILL) under load, started again after 20 s. */
final class BrokerKillRestart implements Scenario {

    private static final Duration DOWN = Duration.ofSeconds(20);

    @Override
    public String name() {
        return "broker-kill-restart";
    }

    @Override
    public String fault() {
        return "the broker leading most partitions kill -9, started again after " + DOWN.toSeconds() + " s";
    }

    @Override
    public void inject(FaultContext context) throws InterruptedException {
        Stack stack = context.stack;
        ChildProcessKafkaBroker broker = stack.leadingBroker();
        context.outageBegins();
        broker.kill();
        context.note("broker " + broker.bootstrapServers() + " killed");
        FaultContext.pause(DOWN);
        broker.start();
        context.note("broker " + broker.bootstrapServers() + " serves again");
        context.measured(ClusterFigures.REPLICAS_BACK, stack.awaitInSync(Duration.ofMinutes(3)));
        context.outageEnds();
    }
}
