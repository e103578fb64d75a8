package io.groundbreak.faults.scenario;

/** funnel-service and audit-service killed (SIGKILL) together while they consume, then started again. */
final class ConsumersKill implements Scenario {

    @Override
    public String name() {
        return "consumers-kill";
    }

    @Override
    public String fault() {
        return "funnel-service + audit-service kill -9 mid-consume, restarted";
    }

    @Override
    public void inject(FaultContext context) {
        context.outageBegins();
        context.stack.funnel.kill();
        context.stack.audit.kill();
        context.note("funnel-service and audit-service killed");
        context.stack.funnel.start();
        context.stack.audit.start();
        context.stack.funnel.awaitHealthy();
        context.stack.audit.awaitHealthy();
        context.note("funnel-service and audit-service answer again");
        context.outageEnds();
    }
}
