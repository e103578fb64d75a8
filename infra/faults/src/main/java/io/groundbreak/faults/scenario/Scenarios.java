package io.groundbreak.faults.scenario;

import java.time.Duration;
import java.util.List;

/**
 * Every scenario, in the order the suite runs them (names are those of {@code --only}): those of the
 * single-instance stack, and those of the cluster ({@code --cluster}).
 */
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

    /** The scenarios that fit a cluster under steady load (issue 17). */
    public static List<Scenario> cluster() {
        return List.of(
                new BrokerKillRestart(),
                new InstanceKill(),
                new BrokerFreeze(),
                new RollingRestart());
    }

    public static List<Scenario> of(boolean cluster) {
        return cluster ? cluster() : all();
    }

    public static List<String> names() {
        return all().stream().map(Scenario::name).toList();
    }

    public static List<String> names(boolean cluster) {
        return of(cluster).stream().map(Scenario::name).toList();
    }
}
