package io.groundbreak.audit.ledger.store;

import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.ProjectId;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Events kept outside the ledger, as received, with the reason they could not join it; never changed.
 * A parked event that later joined the ledger (it had only arrived before its predecessor) stays here
 * as a record of what happened, but is no longer outstanding.
 */
@Component
public class ParkedEvents {

    /** Not (yet) in the ledger as exactly this event: same id, envelope and body. */
    private static final String OUTSTANDING = "NOT EXISTS (SELECT 1 FROM ledger_event l WHERE l.event_id = p.event_id"
            + " AND l.event_type = p.event_type AND l.project_id = p.project_id AND l.sequence = p.sequence"
            + " AND l.recorded_at = p.recorded_at AND l.recorded_by = p.recorded_by AND l.prev_hash = p.prev_hash"
            + " AND l.hash = p.hash AND l.data = p.data)";

    private final JdbcClient jdbc;
    private final Cursor cursor;

    ParkedEvents(JdbcClient jdbc, Cursor cursor) {
        this.jdbc = jdbc;
        this.cursor = cursor;
    }

    /** @return false when the same record was parked before for the same reason (a redelivery) */
    public boolean park(EventEnvelope envelope, String reason) {
        return Ledger.envelope(jdbc.sql("INSERT INTO parked_event (reason, " + Ledger.ENVELOPE_COLUMNS + ") VALUES (:reason, "
                        + Ledger.ENVELOPE_VALUES + ") ON CONFLICT DO NOTHING"), envelope)
                .param("reason", reason)
                .update() == 1;
    }

    /** Parked events of the project at the sequence that link to the given hash: candidates to follow it. */
    public List<EventEnvelope> linkingTo(ProjectId project, long sequence, String prevHash) {
        return jdbc.sql("SELECT " + Ledger.ENVELOPE_COLUMNS + " FROM parked_event p WHERE project_id = :project"
                        + " AND sequence = :sequence AND prev_hash = :prevHash AND " + OUTSTANDING + " ORDER BY position")
                .param("project", project.value())
                .param("sequence", sequence)
                .param("prevHash", prevHash)
                .query((row, number) -> Ledger.stored(row).envelope())
                .list();
    }

    public long countOutstanding() {
        return jdbc.sql("SELECT count(*) FROM parked_event p WHERE " + OUTSTANDING).query(Long.class).single();
    }

    /** Every outstanding parked event, project by project in sequence order, streamed. */
    public void eachOutstanding(Consumer<ParkedEvent> action) {
        cursor.each("SELECT reason, " + Ledger.ENVELOPE_COLUMNS + " FROM parked_event p WHERE " + OUTSTANDING
                        + " ORDER BY project_id, sequence, position",
                statement -> { }, row -> {
                    action.accept(new ParkedEvent(row.getString("reason"), Ledger.stored(row)));
                });
    }
}
