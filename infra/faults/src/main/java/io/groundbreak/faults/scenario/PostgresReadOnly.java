package io.groundbreak.faults.scenario;

import java.time.Duration;

/** The suite's PostgreSQL refuses every write for 20 s (default_transaction_read_only, connections cut). */
final class PostgresReadOnly implements Scenario {

    private static final Duration READ_ONLY = Duration.ofSeconds(20);

    @Override
    public String name() {
        return "postgres-read-only";
    }

    @Override
    public String fault() {
        return "PostgreSQL read-only for " + READ_ONLY.toSeconds() + " s (default_transaction_read_only, backends terminated)";
    }

    @Override
    public void inject(FaultContext context) throws InterruptedException {
        context.outageBegins();
        context.stack.postgres.refuseWrites();
        context.note("PostgreSQL refuses writes");
        FaultContext.pause(READ_ONLY);
        context.stack.postgres.acceptWrites();
        context.note("PostgreSQL accepts writes again");
        context.outageEnds();
    }
}
