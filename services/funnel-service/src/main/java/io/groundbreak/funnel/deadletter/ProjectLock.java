package io.groundbreak.funnel.deadletter;

import java.util.Collection;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
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

    /** Every project's lock in one round trip, taken in one order (the projects' text), as {@link #lock} takes each. */
    void lockAll(Collection<UUID> projectIds) {
        jdbc.sql("""
                        SELECT count(pg_advisory_xact_lock(:namespace, hashtext(project)))
                        FROM (SELECT project FROM unnest(:projects::text[]) AS project ORDER BY project) AS ordered""")
                .param("namespace", NAMESPACE)
                .param("projects", new SqlArrayValue("text", projectIds.stream().map(UUID::toString).distinct().toArray()))
                .query((row, n) -> 1).single();
    }
}
