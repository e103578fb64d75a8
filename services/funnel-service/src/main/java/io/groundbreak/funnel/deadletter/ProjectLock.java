package io.groundbreak.funnel.deadletter;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One writer per project at a time, live consumer or reprocess: a transaction-scoped advisory lock on the project,
 * so that "does it wait behind a parked record?" and the parking or applying that follows see the same state.
 * Two-key advisory locks do not overlap the rebuild's one-key lock.
 */
@Component
class ProjectLock {

    private static final int NAMESPACE = 0x66756e6e;

    private final JdbcClient jdbc;

    ProjectLock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void lock(UUID projectId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:namespace, hashtext(:project))")
                .param("namespace", NAMESPACE).param("project", projectId.toString())
                .query((row, n) -> 1).single();
    }
}
