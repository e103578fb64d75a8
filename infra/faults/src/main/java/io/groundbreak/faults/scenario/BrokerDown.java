package io.groundbreak.faults.scenario;

import java.time.Duration;

/** The Kafka broker killed (SIGKILL) mid-publish and started again on the same port after a while. */
final class BrokerDown implements Scenario {

    private final String name;
    private final Duration down;

    BrokerDown(String name, Duration down) {
        this.name = name;
        this.down = down;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String fault() {
        return "Kafka broker kill -9 mid-publish, back after " + down.toSeconds() + " s";
    }

    @Override
    public void inject(FaultContext context) throws InterruptedException {
        context.outageBegins();
        context.stack.broker.kill();
        context.note("broker killed");
        FaultContext.pause(down);
        context.stack.broker.start();
        context.note("broker serves again");
        context.outageEnds();
    }
}
