package io.groundbreak.faults.scenario;

/** milestone-service killed (SIGKILL) mid-load and started again at once. */
final class MilestoneKill implements Scenario {

    @Override
    public String name() {
        return "milestone-kill";
    }

    @Override
    public String fault() {
        return "milestone-service kill -9 mid-load, restarted";
    }

    @Override
    public void inject(FaultContext context) {
        context.outageBegins();
        context.stack.milestone.kill();
        context.note("milestone-service killed");
        context.restart(context.stack.milestone);
        context.outageEnds();
    }
}
