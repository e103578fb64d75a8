package io.groundbreak.faults.scenario;

/**
 * The whole topic delivered again: both consumers stopped, both consumer groups moved back to the earliest
 * offsets (AdminClient alterConsumerGroupOffsets), both started again. Nothing may count twice.
 */
final class Redelivery implements Scenario {

    @Override
    public String name() {
        return "redelivery";
    }

    @Override
    public String fault() {
        return "consumers stopped, both groups reset to the earliest offsets, restarted";
    }

    @Override
    public void inject(FaultContext context) {
        context.outageBegins();
        context.stack.funnel.stop();
        context.stack.audit.stop();
        context.stack.resetConsumerGroupsToEarliest();
        context.note("funnel-service and audit-service stopped; groups " + "reset to the earliest offsets");
        context.stack.funnel.start();
        context.stack.audit.start();
        context.stack.funnel.awaitHealthy();
        context.stack.audit.awaitHealthy();
        context.note("funnel-service and audit-service answer again, reading the topic from its start");
        context.outageEnds();
    }
}
