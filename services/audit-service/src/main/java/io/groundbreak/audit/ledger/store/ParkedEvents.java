package io.groundbreak.audit.ledger.store;

import io.groundbreak.audit.ledger.record.ReceivedRecord;
import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.ProjectId;
import io.groundbreak.kit.deadletter.DeadLetter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records kept outside the ledger (parked, "dead letters"), as received, with why; never changed. Each
 * failure is an attempt row ({@code dead_letter_attempt}); the end of one, reprocessed or discarded, a
 * resolution row. A parked event that later joined the ledger as exactly that event (it had only arrived
 * before its predecessor, or was reprocessed) stays here as a record, but is no longer outstanding.
 */
@Component
public class ParkedEvents {

    /** The ledger holds exactly this parked event: same id, envelope and body. */
    private static final String IN_LEDGER = "EXISTS (SELECT 1 FROM ledger_event l WHERE l.event_id = p.event_id"
            + " AND l.event_type = p.event_type AND l.project_id = p.project_id AND l.sequence = p.sequence"
            + " AND l.recorded_at = p.recorded_at AND l.recorded_by = p.recorded_by AND l.prev_hash = p.prev_hash"
            + " AND l.hash = p.hash AND l.data = p.data AND l.hashed_bytes IS NOT DISTINCT FROM p.hashed_bytes)";
    private static final String RESOLVED = "EXISTS (SELECT 1 FROM dead_letter_resolution r WHERE r.dead_letter_id = p.position)";
    /** Neither in the ledger as exactly this event nor resolved. */
    private static final String OUTSTANDING = "NOT " + RESOLVED + " AND NOT " + IN_LEDGER;

    private static final String DEAD_LETTER_SELECT = "SELECT p.position, p.reason AS first_reason, p.detail AS first_detail,"
            + " p.event_id AS claimed_event_id, p.project_id AS claimed_project_id, p.sequence AS claimed_sequence, p.parked_at,"
            + " a.first_at, a.last_at, a.attempts, la.reason AS last_reason, la.detail AS last_detail,"
            + " (SELECT r.status FROM dead_letter_resolution r WHERE r.dead_letter_id = p.position) AS resolution,"
            + " " + IN_LEDGER + " AS in_ledger"
            + " FROM parked_event p"
            + " LEFT JOIN LATERAL (SELECT min(at) AS first_at, max(at) AS last_at, count(*) AS attempts"
            + "   FROM dead_letter_attempt WHERE dead_letter_id = p.position) a ON true"
            + " LEFT JOIN LATERAL (SELECT reason, detail FROM dead_letter_attempt WHERE dead_letter_id = p.position"
            + "   ORDER BY id DESC LIMIT 1) la ON true";

    private static final String RECORD_COLUMNS = "reason, detail, record_topic, record_partition, record_offset,"
            + " record_key, record_headers, record_value";
    private static final String RECORD_VALUES = ":reason, :detail, :topic, :partition, :offset, :key, :headers, :value";

    private final JdbcClient jdbc;
    private final Cursor cursor;

    ParkedEvents(JdbcClient jdbc, Cursor cursor) {
        this.jdbc = jdbc;
        this.cursor = cursor;
    }

    /** The dead letter that holds exactly this event as received (any status), if one does. */
    public Optional<DeadLetter> findEvent(EventEnvelope envelope) {
        return Ledger.envelope(jdbc.sql(DEAD_LETTER_SELECT + " WHERE p.event_id = :id AND p.event_type = :type"
                        + " AND p.project_id = :project AND p.sequence = :sequence AND p.recorded_at = :time"
                        + " AND p.recorded_by = :recordedBy AND p.prev_hash = :prevHash AND p.hash = :hash"
                        + " AND p.district = :district AND p.data = CAST(:data AS jsonb)"
                        + " AND p.hashed_bytes IS NOT DISTINCT FROM :hashedBytes"
                        + " AND p.district_bytes IS NOT DISTINCT FROM :districtBytes ORDER BY p.position LIMIT 1"), envelope)
                .query((row, number) -> deadLetter(row))
                .optional();
    }

    /** Parks an event (with the record it came in, when there is one) and its first attempt; returns its id. */
    public long parkEvent(EventEnvelope envelope, String reason, String detail, ReceivedRecord received, String source) {
        long id = record(Ledger.envelope(jdbc.sql("INSERT INTO parked_event (" + Ledger.ENVELOPE_COLUMNS + ", "
                        + RECORD_COLUMNS + ") VALUES (" + Ledger.ENVELOPE_VALUES + ", " + RECORD_VALUES + ") RETURNING position"),
                envelope), reason, detail, received)
                .query(Long.class).single();
        attempt(id, reason, detail, source);
        return id;
    }

    /**
     * Parks a record that could not be read as an event (or not stored as one), with the id, project and
     * sequence its headers claim where they read. The same record again (same key, headers and value, whether
     * redelivered or sent again) is the same dead letter: empty then.
     */
    public Optional<Long> parkRecord(ReceivedRecord received, String reason, String detail, String source) {
        Optional<Long> id = record(jdbc.sql("INSERT INTO parked_event (event_id, project_id, sequence, record_digest, "
                        + RECORD_COLUMNS + ") VALUES (:id, :project, :sequence, :digest, " + RECORD_VALUES + ")"
                        + " ON CONFLICT (record_digest) WHERE event_type IS NULL DO NOTHING RETURNING position")
                .param("digest", received.digest())
                .param("id", received.claimedEventId().orElse(null), Types.OTHER)
                .param("project", received.claimedProjectId().orElse(null), Types.OTHER)
                .param("sequence", received.claimedSequence().orElse(null), Types.BIGINT), reason, detail, received)
                .query(Long.class).optional();
        id.ifPresent(parked -> attempt(parked, reason, detail, source));
        return id;
    }

    /** The dead letter that holds this record as a record (same key, headers and value), if one does. */
    public Optional<DeadLetter> findRecord(ReceivedRecord received) {
        return jdbc.sql(DEAD_LETTER_SELECT + " WHERE p.record_digest = :digest AND p.event_type IS NULL"
                        + " ORDER BY p.position LIMIT 1")
                .param("digest", received.digest())
                .query((row, number) -> deadLetter(row))
                .optional();
    }

    private static JdbcClient.StatementSpec record(JdbcClient.StatementSpec statement, String reason, String detail,
                                                   ReceivedRecord received) {
        return statement
                .param("reason", reason)
                .param("detail", PgText.safe(detail))
                .param("topic", received == null ? null : PgText.safe(received.topic()), Types.VARCHAR)
                .param("partition", received == null ? null : received.partition(), Types.INTEGER)
                .param("offset", received == null ? null : received.offset(), Types.BIGINT)
                .param("key", received == null ? null : received.key(), Types.BINARY)
                .param("headers", received == null ? null : received.headersJson(), Types.BINARY)
                .param("value", received == null ? null : received.value(), Types.BINARY);
    }

    /** One more failure of a dead letter. */
    public void attempt(long deadLetterId, String reason, String detail, String source) {
        jdbc.sql("INSERT INTO dead_letter_attempt (dead_letter_id, reason, detail, source)"
                        + " VALUES (:id, :reason, :detail, :source)")
                .param("id", deadLetterId)
                .param("reason", reason)
                .param("detail", PgText.safe(detail))
                .param("source", source)
                .update();
    }

    /** @return false when the dead letter was resolved already (reprocessed or discarded) */
    public boolean resolve(long deadLetterId, String status, String by) {
        return jdbc.sql("INSERT INTO dead_letter_resolution (dead_letter_id, status, by_user) VALUES (:id, :status, :by)"
                        + " ON CONFLICT DO NOTHING")
                .param("id", deadLetterId)
                .param("status", status)
                .param("by", PgText.safe(by))
                .update() == 1;
    }

    public Optional<DeadLetter> find(long id) {
        return jdbc.sql(DEAD_LETTER_SELECT + " WHERE p.position = :id")
                .param("id", id)
                .query((row, number) -> deadLetter(row))
                .optional();
    }

    /** The dead letter with what it can be read again from. */
    public Optional<ParkedRecord> parkedRecord(long id) {
        return jdbc.sql(DEAD_LETTER_SELECT.replace(" FROM parked_event p", ", p.record_topic, p.record_partition,"
                        + " p.record_offset, p.record_key, p.record_headers, p.record_value, p.event_type, p.project_id,"
                        + " p.event_id, p.sequence, p.recorded_at, p.recorded_by, p.prev_hash, p.hash, p.district, p.data,"
                        + " p.hashed_bytes, p.district_bytes FROM parked_event p") + " WHERE p.position = :id")
                .param("id", id)
                .query((row, number) -> new ParkedRecord(deadLetter(row), received(row), event(row)))
                .optional();
    }

    /** Outstanding dead letters of a project, in sequence order (then in the order they were parked). */
    public List<Long> outstandingOf(UUID projectId) {
        return jdbc.sql("SELECT p.position FROM parked_event p WHERE p.project_id = :project AND " + OUTSTANDING
                        + " ORDER BY p.sequence NULLS LAST, p.position")
                .param("project", projectId)
                .query(Long.class)
                .list();
    }

    /** Every dead letter ({@code all}) or the outstanding ones, in the order they were parked. */
    public List<DeadLetter> list(boolean all) {
        return jdbc.sql(DEAD_LETTER_SELECT + (all ? "" : " WHERE " + OUTSTANDING) + " ORDER BY p.position")
                .query((row, number) -> deadLetter(row))
                .list();
    }

    /** Parked events of the project at the sequence that link to the given hash: candidates to follow it. */
    public List<EventEnvelope> linkingTo(ProjectId project, long sequence, String prevHash) {
        return jdbc.sql("SELECT " + Ledger.ENVELOPE_COLUMNS + " FROM parked_event p WHERE project_id = :project"
                        + " AND sequence = :sequence AND prev_hash = :prevHash AND event_type IS NOT NULL AND "
                        + OUTSTANDING + " ORDER BY position")
                .param("project", project.value())
                .param("sequence", sequence)
                .param("prevHash", PgText.safe(prevHash))
                .query((row, number) -> Ledger.stored(row).envelope())
                .list();
    }

    public long countOutstanding() {
        return jdbc.sql("SELECT count(*) FROM parked_event p WHERE " + OUTSTANDING).query(Long.class).single();
    }

    /** Every outstanding parked record, project by project in sequence order, streamed. */
    public void eachOutstanding(Consumer<ParkedEvent> action) {
        cursor.each(DEAD_LETTER_SELECT.replace(" FROM parked_event p", ", p.event_type, p.project_id, p.event_id,"
                        + " p.sequence, p.recorded_at, p.recorded_by, p.prev_hash, p.hash, p.district, p.data,"
                        + " p.hashed_bytes, p.district_bytes FROM parked_event p")
                        + " WHERE " + OUTSTANDING + " ORDER BY p.project_id NULLS LAST, p.sequence, p.position",
                statement -> { }, row -> {
                    action.accept(new ParkedEvent(deadLetter(row), event(row)));
                });
    }

    // --- the operations' log -------------------------------------------------------------------------

    public DeadLetterOperation recordOperation(Long deadLetterId, UUID projectId, String action, String by, String reason,
                                               String outcome) {
        return jdbc.sql("INSERT INTO dead_letter_operation (dead_letter_id, project_id, action, by_user, reason, outcome)"
                        + " VALUES (:id, :project, :action, :by, :reason, :outcome)"
                        + " RETURNING id, dead_letter_id, project_id, action, by_user, at, reason, outcome")
                .param("id", deadLetterId, Types.BIGINT)
                .param("project", projectId, Types.OTHER)
                .param("action", action)
                .param("by", PgText.safe(by))
                .param("reason", PgText.safe(reason), Types.VARCHAR)
                .param("outcome", PgText.safe(outcome))
                .query((row, number) -> operation(row))
                .single();
    }

    /** Newest first. */
    public List<DeadLetterOperation> operations() {
        return jdbc.sql("SELECT id, dead_letter_id, project_id, action, by_user, at, reason, outcome"
                        + " FROM dead_letter_operation ORDER BY id DESC")
                .query((row, number) -> operation(row))
                .list();
    }

    // --- rows ----------------------------------------------------------------------------------------

    private static DeadLetter deadLetter(ResultSet row) throws SQLException {
        String resolution = row.getString("resolution");
        String status = resolution != null ? resolution
                : row.getBoolean("in_ledger") ? DeadLetter.REPROCESSED : DeadLetter.PARKED;
        OffsetDateTime parkedAt = row.getObject("parked_at", OffsetDateTime.class);
        OffsetDateTime first = row.getObject("first_at", OffsetDateTime.class);
        OffsetDateTime last = row.getObject("last_at", OffsetDateTime.class);
        String lastReason = row.getString("last_reason");
        long sequence = row.getLong("claimed_sequence");
        Long claimedSequence = row.wasNull() ? null : sequence;
        return new DeadLetter(
                row.getLong("position"),
                lastReason != null ? lastReason : row.getString("first_reason"),
                lastReason != null ? row.getString("last_detail") : row.getString("first_detail"),
                row.getObject("claimed_project_id", UUID.class),
                claimedSequence,
                row.getObject("claimed_event_id", UUID.class),
                (first != null ? first : parkedAt).toInstant(),
                (last != null ? last : parkedAt).toInstant(),
                Math.max(1, row.getInt("attempts")),
                status);
    }

    /** The event columns of a parked row, when it holds an event. */
    private static Optional<StoredEvent> event(ResultSet row) throws SQLException {
        return row.getString("event_type") == null || row.getObject("recorded_at") == null
                ? Optional.empty() : Optional.of(Ledger.stored(row));
    }

    private static Optional<ReceivedRecord> received(ResultSet row) throws SQLException {
        long offset = row.getLong("record_offset");
        if (row.wasNull()) {
            return Optional.empty();
        }
        return Optional.of(new ReceivedRecord(row.getString("record_topic"), row.getInt("record_partition"), offset,
                row.getBytes("record_key"), ReceivedRecord.headersFromJson(row.getBytes("record_headers")),
                row.getBytes("record_value")));
    }

    private static DeadLetterOperation operation(ResultSet row) throws SQLException {
        long deadLetterId = row.getLong("dead_letter_id");
        Long id = row.wasNull() ? null : deadLetterId;
        return new DeadLetterOperation(row.getLong("id"), id, row.getObject("project_id", UUID.class),
                row.getString("action"), row.getString("by_user"), row.getObject("at", OffsetDateTime.class).toInstant(),
                row.getString("reason"), row.getString("outcome"));
    }
}
