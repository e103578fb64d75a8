package io.groundbreak.funnel.funnel.projection;

import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.InvestmentReported;
import io.groundbreak.events.MilestoneCorrected;
import io.groundbreak.events.MilestoneRecorded;
import io.groundbreak.events.MilestoneRetracted;
import io.groundbreak.events.ProjectDetailsAmended;
import io.groundbreak.events.ProjectEvent;
import io.groundbreak.events.ProjectRegistered;
import io.groundbreak.events.ProjectResumed;
import io.groundbreak.events.ProjectSuspended;
import io.groundbreak.events.ProjectTerminated;
import io.groundbreak.events.Stage;
import io.groundbreak.funnel.funnel.readmodel.ReadModels;
import java.sql.Types;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies each project's events exactly once and in order to a set of read-model tables: the
 * project's last applied sequence moves in the same transaction as the change, so a redelivery is a
 * no-op and an event whose predecessor is missing is refused.
 */
@Component
public class FunnelProjection {

    private static final long NOTHING_APPLIED = -1;

    private final JdbcClient jdbc;
    private final ReadModels readModels;
    private final FunnelDeltas deltas;

    FunnelProjection(JdbcClient jdbc, ReadModels readModels, FunnelDeltas deltas) {
        this.jdbc = jdbc;
        this.readModels = readModels;
        this.deltas = deltas;
    }

    /** Into the active set; a switch to a rebuilt set waits for this transaction. */
    @Transactional
    public Outcome applyLive(EventEnvelope envelope) {
        return applyTo(readModels.useActiveUntilCommit(), envelope);
    }

    /** Into the given set, in one transaction (the caller's, if there is one). */
    @Transactional
    public void applyAll(String schema, List<EventEnvelope> envelopes, Map<Outcome, Long> outcomes) {
        readModels.use(schema);
        for (EventEnvelope envelope : envelopes) {
            outcomes.merge(applyTo(schema, envelope), 1L, Long::sum);
        }
    }

    private Outcome applyTo(String schema, EventEnvelope envelope) {
        readModels.use(schema);
        UUID projectId = envelope.subject().value();
        long lastApplied = lockLastApplied(projectId);
        if (envelope.sequence() <= lastApplied) {
            return Outcome.REDELIVERED;
        }
        if (envelope.sequence() > lastApplied + 1) {
            return Outcome.GAP;
        }
        ProjectEvent event = envelope.data();
        boolean movesInFunnel = event instanceof MilestoneRecorded || event instanceof MilestoneCorrected
                || event instanceof MilestoneRetracted || event instanceof ProjectTerminated
                || event instanceof ProjectDetailsAmended;
        Optional<ProjectTimeline> before = movesInFunnel ? timeline(projectId) : Optional.empty();
        change(projectId, envelope.sequence(), event);
        if (movesInFunnel) {
            Optional<ProjectTimeline> after = timeline(projectId);
            deltas.add(ProjectTimeline.difference(
                    before.map(ProjectTimeline::contribution).orElse(Map.of()),
                    after.map(ProjectTimeline::contribution).orElse(Map.of())));
        }
        jdbc.sql("""
                        INSERT INTO applied_sequence (project_id, last_sequence) VALUES (:project, :sequence)
                        ON CONFLICT (project_id) DO UPDATE SET last_sequence = EXCLUDED.last_sequence""")
                .param("project", projectId)
                .param("sequence", envelope.sequence())
                .update();
        return Outcome.APPLIED;
    }

    /** Locks the project's row, so that a second consumer of the same record (during a rebalance) waits. */
    private long lockLastApplied(UUID projectId) {
        return jdbc.sql("SELECT last_sequence FROM applied_sequence WHERE project_id = :project FOR UPDATE")
                .param("project", projectId)
                .query(Long.class)
                .optional()
                .orElse(NOTHING_APPLIED);
    }

    private Optional<ProjectTimeline> timeline(UUID projectId) {
        Map<Stage, LocalDate> milestones = new EnumMap<>(Stage.class);
        jdbc.sql("SELECT stage, effective_date FROM milestone WHERE project_id = :project")
                .param("project", projectId)
                .query((row, number) -> milestones.put(Stage.values()[row.getInt("stage")],
                        row.getObject("effective_date", LocalDate.class)))
                .list();
        return jdbc.sql("SELECT district, chain, planned_investment_cny, terminated_on FROM project WHERE project_id = :project")
                .param("project", projectId)
                .query((row, number) -> new ProjectTimeline(row.getString("district"), row.getString("chain"),
                        row.getBigDecimal("planned_investment_cny"), milestones,
                        row.getObject("terminated_on", LocalDate.class)))
                .optional();
    }

    private void change(UUID projectId, long sequence, ProjectEvent event) {
        if (event instanceof ProjectRegistered registered) {
            jdbc.sql("""
                            INSERT INTO project (project_id, code, name, district, chain, investor, park, planned_investment_cny)
                            VALUES (:project, :code, :name, :district, :chain, :investor, :park, :planned)""")
                    .param("project", projectId)
                    .param("code", registered.code())
                    .param("name", registered.name())
                    .param("district", registered.district())
                    .param("chain", registered.chain())
                    .param("investor", registered.investor())
                    .param("park", registered.park(), Types.VARCHAR)
                    .param("planned", registered.plannedInvestmentCny())
                    .update();
        } else if (event instanceof MilestoneRecorded recorded) {
            // an upsert: a stage recorded again after its retraction takes the new date
            jdbc.sql("""
                            INSERT INTO milestone (project_id, stage, effective_date, amount_cny)
                            VALUES (:project, :stage, :date, :amount)
                            ON CONFLICT (project_id, stage) DO UPDATE
                            SET effective_date = EXCLUDED.effective_date, amount_cny = EXCLUDED.amount_cny""")
                    .param("project", projectId)
                    .param("stage", recorded.stage().ordinal())
                    .param("date", recorded.effectiveDate())
                    .param("amount", recorded.amountCny(), Types.NUMERIC)
                    .update();
        } else if (event instanceof MilestoneCorrected corrected) {
            // a correction without an amount leaves the recorded amount as it was
            jdbc.sql("""
                            UPDATE milestone SET effective_date = :date, amount_cny = COALESCE(:amount, amount_cny)
                            WHERE project_id = :project AND stage = :stage""")
                    .param("project", projectId)
                    .param("stage", corrected.stage().ordinal())
                    .param("date", corrected.effectiveDate())
                    .param("amount", corrected.amountCny(), Types.NUMERIC)
                    .update();
        } else if (event instanceof MilestoneRetracted retracted) {
            jdbc.sql("DELETE FROM milestone WHERE project_id = :project AND stage = :stage")
                    .param("project", projectId)
                    .param("stage", retracted.stage().ordinal())
                    .update();
        } else if (event instanceof ProjectSuspended suspended) {
            jdbc.sql("""
                            INSERT INTO suspension (project_id, sequence, suspended_on) VALUES (:project, :sequence, :date)""")
                    .param("project", projectId)
                    .param("sequence", sequence)
                    .param("date", suspended.effectiveDate())
                    .update();
        } else if (event instanceof ProjectResumed resumed) {
            jdbc.sql("""
                            UPDATE suspension SET resumed_on = :date WHERE project_id = :project AND resumed_on IS NULL""")
                    .param("project", projectId)
                    .param("date", resumed.effectiveDate())
                    .update();
        } else if (event instanceof ProjectTerminated terminated) {
            jdbc.sql("UPDATE project SET terminated_on = :date WHERE project_id = :project")
                    .param("project", projectId)
                    .param("date", terminated.effectiveDate())
                    .update();
        } else if (event instanceof InvestmentReported reported) {
            // a later report for the same month replaces the earlier one
            jdbc.sql("""
                            INSERT INTO investment_report (project_id, period, cumulative_completed_cny)
                            VALUES (:project, :period, :completed)
                            ON CONFLICT (project_id, period) DO UPDATE SET cumulative_completed_cny = EXCLUDED.cumulative_completed_cny""")
                    .param("project", projectId)
                    .param("period", reported.period().toString())
                    .param("completed", reported.cumulativeCompletedCny())
                    .update();
        } else if (event instanceof ProjectDetailsAmended amended) {
            jdbc.sql("""
                            UPDATE project SET name = COALESCE(:name, name), chain = COALESCE(:chain, chain),
                                   investor = COALESCE(:investor, investor), park = COALESCE(:park, park),
                                   planned_investment_cny = COALESCE(:planned, planned_investment_cny)
                            WHERE project_id = :project""")
                    .param("project", projectId)
                    // typed, because an unchanged field is a null whose type PostgreSQL cannot guess
                    .param("name", amended.name(), Types.VARCHAR)
                    .param("chain", amended.chain(), Types.VARCHAR)
                    .param("investor", amended.investor(), Types.VARCHAR)
                    .param("park", amended.park(), Types.VARCHAR)
                    .param("planned", amended.plannedInvestmentCny(), Types.NUMERIC)
                    .update();
        }
    }
}
