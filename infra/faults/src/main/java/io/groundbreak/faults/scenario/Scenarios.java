package io.groundbreak.faults.scenario;

import java.time.Duration;
import java.util.List;

/** Every scenario, in the order the suite runs them (names are those of {@code --only}). */
public final class Scenarios {

    private Scenarios() {
    }

    public static List<Scenario> all() {
        return List.of(
                new MilestoneKill(),
                new ConsumersKill(),
                new PostgresRestart(),
                new PostgresReadOnly(),
                new BrokerDown("broker-kill-20s", Duration.ofSeconds(20)),
                new BrokerDown("broker-down-2min", Duration.ofMinutes(2)),
                new FunnelFreeze(),
                new PoisonRecords(),
                new NulAtTheDoor(),
                new Redelivery());
    }

    public static List<String> names() {
        return all().stream().map(Scenario::name).toList();
    }
}
