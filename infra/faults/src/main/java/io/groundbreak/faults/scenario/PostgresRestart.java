package io.groundbreak.faults.scenario;

import java.time.Duration;

/** The suite's PostgreSQL stopped in immediate mode (no checkpoint: crash recovery at start) and started again. */
final class PostgresRestart implements Scenario {

    private static final Duration DOWN = Duration.ofSeconds(5);

    @Override
    public String name() {
        return "postgres-restart";
    }

    @Override
    public String fault() {
        return "PostgreSQL pg_ctl stop -m immediate mid-load, down " + DOWN.toSeconds() + " s, started again";
    }

    @Override
    public void inject(FaultContext context) {
        context.outageBegins();
        context.stack.postgres.restartImmediately(DOWN);
        context.note("PostgreSQL stopped in immediate mode and started again (crash recovery)");
        context.outageEnds();
    }
}
