package io.groundbreak.faults.scenario;

import java.time.Duration;

/** funnel-service frozen (SIGSTOP) for 30 s, then resumed (SIGCONT): a stale group member, a rebalance. */
final class FunnelFreeze implements Scenario {

    private static final Duration FROZEN = Duration.ofSeconds(30);

    @Override
    public String name() {
        return "funnel-freeze";
    }

    @Override
    public String fault() {
        return "funnel-service SIGSTOP " + FROZEN.toSeconds() + " s, then SIGCONT";
    }

    @Override
    public void inject(FaultContext context) throws InterruptedException {
        context.outageBegins();
        context.stack.funnel.freeze();
        context.note("funnel-service frozen");
        FaultContext.pause(FROZEN);
        context.stack.funnel.resume();
        context.note("funnel-service resumed");
        context.stack.funnel.awaitHealthy();
        context.outageEnds();
    }
}
