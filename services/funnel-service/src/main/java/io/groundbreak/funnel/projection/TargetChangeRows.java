package io.groundbreak.funnel.projection;

import io.groundbreak.events.TargetCell;
import java.sql.Timestamp;
import java.util.Collection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the target changes a batch applied into target_change, live and in a rebuild alike: a few rows a year, so a
 * plain insert serves both (the rebuild's COPY is for the projects' millions).
 */
@Component
class TargetChangeRows {

    private final JdbcClient jdbc;

    TargetChangeRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void write(Collection<ProjectRows> batch) {
        for (ProjectRows rows : batch) {
            for (PlanChange change : rows.planChanges) {
                for (int cell = 0; cell < change.targets().targets().size(); cell++) {
                    TargetCell target = change.targets().targets().get(cell);
                    jdbc.sql("""
                                    INSERT INTO target_change (plan_id, sequence, cell, year, district, chain, signed, landed,
                                        started, producing, planned_investment_cny, completed_investment_cny, event_id,
                                        recorded_at, recorded_by, reason)
                                    VALUES (:plan, :sequence, :cell, :year, :district, :chain, :signed, :landed, :started,
                                        :producing, :planned, :completed, :event, :recordedAt, :recordedBy, :reason)
                                    ON CONFLICT DO NOTHING""")
                            .param("plan", rows.projectId)
                            .param("sequence", change.sequence())
                            .param("cell", cell)
                            .param("year", change.targets().year())
                            .param("district", StorableText.of(target.district()))
                            .param("chain", StorableText.of(target.chain()))
                            .param("signed", target.signed(), java.sql.Types.INTEGER)
                            .param("landed", target.landed(), java.sql.Types.INTEGER)
                            .param("started", target.started(), java.sql.Types.INTEGER)
                            .param("producing", target.producing(), java.sql.Types.INTEGER)
                            .param("planned", target.plannedInvestmentCny(), java.sql.Types.NUMERIC)
                            .param("completed", target.completedInvestmentCny(), java.sql.Types.NUMERIC)
                            .param("event", change.eventId())
                            .param("recordedAt", Timestamp.from(change.recordedAt()))
                            .param("recordedBy", StorableText.of(change.recordedBy()))
                            .param("reason", StorableText.of(change.targets().reason()))
                            .update();
                }
            }
        }
    }
}
