package io.groundbreak.funnel.funnel.messaging;

import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.MilestoneCorrected;
import io.groundbreak.events.MilestoneRecorded;
import io.groundbreak.events.MilestoneRetracted;
import io.groundbreak.events.ProjectDetailsAmended;
import io.groundbreak.events.ProjectEvent;
import io.groundbreak.events.ProjectRegistered;
import io.groundbreak.events.ProjectTerminated;
import java.sql.Types;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies each project's events exactly once and in order to the funnel tables: the project's last
 * applied sequence moves in the same transaction as the change, so a redelivery is a no-op and an
 * event whose predecessor is missing is refused.
 */
@Component
class FunnelProjection {

    private static final Logger log = LoggerFactory.getLogger(FunnelProjection.class);
    private static final long NOTHING_APPLIED = -1;

    private final JdbcClient jdbc;

    FunnelProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void apply(EventEnvelope envelope) {
        UUID projectId = envelope.subject().value();
        long lastApplied = lockLastApplied(projectId);
        if (envelope.sequence() <= lastApplied) {
            log.debug("Skipped redelivered event {} of project {} (sequence {}, last applied {})",
                    envelope.id(), projectId, envelope.sequence(), lastApplied);
            return;
        }
        if (envelope.sequence() > lastApplied + 1) {
            throw new SequenceGap(envelope.subject(), lastApplied, envelope.sequence());
        }
        change(projectId, envelope.data());
        jdbc.sql("""
                        INSERT INTO applied_sequence (project_id, last_sequence) VALUES (:project, :sequence)
                        ON CONFLICT (project_id) DO UPDATE SET last_sequence = EXCLUDED.last_sequence""")
                .param("project", projectId)
                .param("sequence", envelope.sequence())
                .update();
    }

    /** Locks the project's row, so that a second consumer of the same record (during a rebalance) waits. */
    private long lockLastApplied(UUID projectId) {
        return jdbc.sql("SELECT last_sequence FROM applied_sequence WHERE project_id = :project FOR UPDATE")
                .param("project", projectId)
                .query(Long.class)
                .optional()
                .orElse(NOTHING_APPLIED);
    }

    /** Suspension, resumption and investment reports do not change the funnel: only their sequence counts. */
    private void change(UUID projectId, ProjectEvent event) {
        if (event instanceof ProjectRegistered registered) {
            jdbc.sql("""
                            INSERT INTO funnel_project (project_id, code, name, district, chain, planned_investment_cny)
                            VALUES (:project, :code, :name, :district, :chain, :planned)""")
                    .param("project", projectId)
                    .param("code", registered.code())
                    .param("name", registered.name())
                    .param("district", registered.district())
                    .param("chain", registered.chain())
                    .param("planned", registered.plannedInvestmentCny())
                    .update();
        } else if (event instanceof MilestoneRecorded recorded) {
            // an upsert: a stage recorded again after its retraction takes the new date
            jdbc.sql("""
                            INSERT INTO funnel_milestone (project_id, stage, effective_date) VALUES (:project, :stage, :date)
                            ON CONFLICT (project_id, stage) DO UPDATE SET effective_date = EXCLUDED.effective_date""")
                    .param("project", projectId)
                    .param("stage", recorded.stage().name())
                    .param("date", recorded.effectiveDate())
                    .update();
        } else if (event instanceof MilestoneCorrected corrected) {
            jdbc.sql("UPDATE funnel_milestone SET effective_date = :date WHERE project_id = :project AND stage = :stage")
                    .param("project", projectId)
                    .param("stage", corrected.stage().name())
                    .param("date", corrected.effectiveDate())
                    .update();
        } else if (event instanceof MilestoneRetracted retracted) {
            jdbc.sql("DELETE FROM funnel_milestone WHERE project_id = :project AND stage = :stage")
                    .param("project", projectId)
                    .param("stage", retracted.stage().name())
                    .update();
        } else if (event instanceof ProjectTerminated terminated) {
            jdbc.sql("UPDATE funnel_project SET terminated_on = :date WHERE project_id = :project")
                    .param("project", projectId)
                    .param("date", terminated.effectiveDate())
                    .update();
        } else if (event instanceof ProjectDetailsAmended amended) {
            jdbc.sql("""
                            UPDATE funnel_project SET name = COALESCE(:name, name), chain = COALESCE(:chain, chain),
                                   planned_investment_cny = COALESCE(:planned, planned_investment_cny)
                            WHERE project_id = :project""")
                    .param("project", projectId)
                    // typed, because an unchanged field is a null whose type PostgreSQL cannot guess
                    .param("name", amended.name(), Types.VARCHAR)
                    .param("chain", amended.chain(), Types.VARCHAR)
                    .param("planned", amended.plannedInvestmentCny(), Types.NUMERIC)
                    .update();
        }
    }
}
