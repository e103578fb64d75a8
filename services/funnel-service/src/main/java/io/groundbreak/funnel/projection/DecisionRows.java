package io.groundbreak.funnel.projection;

import java.sql.Timestamp;
import java.sql.Types;
import java.util.Collection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes each pair's latest decision (DuplicateDecided) into duplicate_decision, replacing the earlier one: a few rows
 * a city, so a plain upsert. Only the live projection writes them (a rebuild hands decisions to it, see
 * {@link ReadModelFold#handsOver}).
 */
@Component
class DecisionRows {

    private final JdbcClient jdbc;

    DecisionRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void write(Collection<ProjectRows> batch) {
        for (ProjectRows rows : batch) {
            PairDecision decision = rows.decision;
            if (decision == null) {
                continue;
            }
            jdbc.sql("""
                            INSERT INTO duplicate_decision (pair_id, first_id, second_id, same, primary_id, duplicate_id,
                                reason, decided_by, decided_at, sequence, event_id)
                            VALUES (:pair, :first, :second, :same, :primary, :duplicate, :reason, :by, :at, :sequence, :event)
                            ON CONFLICT (pair_id) DO UPDATE
                            SET first_id = EXCLUDED.first_id, second_id = EXCLUDED.second_id, same = EXCLUDED.same,
                                primary_id = EXCLUDED.primary_id, duplicate_id = EXCLUDED.duplicate_id,
                                reason = EXCLUDED.reason, decided_by = EXCLUDED.decided_by,
                                decided_at = EXCLUDED.decided_at, sequence = EXCLUDED.sequence, event_id = EXCLUDED.event_id""")
                    .param("pair", rows.projectId)
                    .param("first", decision.decided().firstProjectId().value())
                    .param("second", decision.decided().secondProjectId().value())
                    .param("same", Boolean.TRUE.equals(decision.decided().same()))
                    .param("primary", decision.decided().duplicate().isPresent()
                            ? decision.decided().primaryProjectId().value() : null, Types.OTHER)
                    .param("duplicate", decision.decided().duplicate().map(id -> id.value()).orElse(null), Types.OTHER)
                    .param("reason", StorableText.of(decision.decided().reason()))
                    .param("by", StorableText.of(decision.decidedBy()))
                    .param("at", Timestamp.from(decision.decidedAt()))
                    .param("sequence", decision.sequence())
                    .param("event", decision.eventId())
                    .update();
        }
    }
}
