package io.groundbreak.audit.ledger.store;

import io.groundbreak.events.EventEnvelope;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Events kept outside the ledger, as received, with the reason they could not join it; never changed. */
@Component
public class ParkedEvents {

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

    public long count() {
        return jdbc.sql("SELECT count(*) FROM parked_event").query(Long.class).single();
    }

    /** Every parked event, project by project in sequence order, streamed. */
    public void each(Consumer<ParkedEvent> action) {
        cursor.each("SELECT reason, " + Ledger.ENVELOPE_COLUMNS + " FROM parked_event ORDER BY project_id, sequence, position",
                statement -> { }, row -> {
                    action.accept(new ParkedEvent(row.getString("reason"), Ledger.stored(row)));
                });
    }
}
