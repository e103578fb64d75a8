package io.groundbreak.funnel.deadletter;

import io.groundbreak.events.CloudEventHeaders;
import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.MalformedEventException;
import io.groundbreak.funnel.projection.StorableText;
import io.groundbreak.kit.deadletter.DeadLetter;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;

/**
 * The tables {@code dead_letter} and {@code dead_letter_operation} (public schema, Flyway V4; named with it, as a
 * transaction's search_path points at a read-model schema). Every method runs in the caller's transaction.
 */
@Component
public class DeadLetterStore {

    private static final String COLUMNS = "id, reason, detail, project_id, sequence, event_id, first_failure_at, "
            + "last_failure_at, attempts, status";
    /** A detail is for reading, not a dump: long exception messages are cut. */
    private static final int MAX_DETAIL = 2000;

    private final JdbcClient jdbc;
    private final Clock clock;

    DeadLetterStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Parks the record, or counts another failure on the row that holds it already: the same record (topic,
     * partition, offset) delivered again, or the same event (id and body) received again while still parked. A record
     * that was reprocessed or discarded keeps that decision. Returns the row's id.
     */
    public long park(ReceivedRecord record, ParkReason reason, String detail, UUID projectId, Long sequence,
                     UUID eventId, int attempts) {
        Timestamp now = Timestamp.from(clock.instant());
        String shown = detail(detail);
        if (eventId != null) {
            Optional<Long> same = jdbc.sql("""
                            UPDATE public.dead_letter SET attempts = attempts + :attempts, last_failure_at = :now,
                                                   reason = :reason, detail = :detail
                            WHERE id = (SELECT min(id) FROM public.dead_letter WHERE event_id = :eventId
                                        AND record_value IS NOT DISTINCT FROM CAST(:value AS bytea) AND status = 'parked')
                            RETURNING id""")
                    .param("attempts", attempts).param("now", now).param("reason", reason.code())
                    .param("detail", shown).param("eventId", eventId).param("value", record.value())
                    .query(Long.class).optional();
            if (same.isPresent()) {
                return same.get();
            }
        }
        Optional<Long> id = jdbc.sql("""
                        INSERT INTO public.dead_letter AS d (reason, detail, project_id, sequence, event_id, topic, topic_partition,
                                                      record_offset, record_key, record_value, header_names, header_values,
                                                      first_failure_at, last_failure_at, attempts)
                        VALUES (:reason, :detail, :projectId, :sequence, :eventId, :topic, :partition, :offset, :key,
                                :value, :headerNames, :headerValues, :now, :now, :attempts)
                        ON CONFLICT (topic, topic_partition, record_offset) DO UPDATE
                        SET attempts = d.attempts + EXCLUDED.attempts, last_failure_at = EXCLUDED.last_failure_at,
                            reason = EXCLUDED.reason, detail = EXCLUDED.detail
                        WHERE d.status = 'parked'
                        RETURNING id""")
                .param("reason", reason.code()).param("detail", shown).param("projectId", projectId)
                .param("sequence", sequence).param("eventId", eventId)
                .param("topic", StorableText.of(record.topic())).param("partition", record.partition())
                .param("offset", record.offset()).param("key", record.key()).param("value", record.value())
                .param("headerNames", new SqlArrayValue("text",
                        record.headerNames().stream().map(StorableText::of).toArray()))
                .param("headerValues", new SqlArrayValue("bytea", (Object[]) record.headerValues().toArray(new byte[0][])))
                .param("now", now).param("attempts", attempts)
                .query(Long.class).optional();
        return id.orElseGet(() -> jdbc.sql("SELECT id FROM public.dead_letter WHERE topic = :topic AND topic_partition = :partition "
                        + "AND record_offset = :offset")
                .param("topic", StorableText.of(record.topic())).param("partition", record.partition())
                .param("offset", record.offset())
                .query(Long.class).single());
    }

    /** The project's outstanding dead letter with the lowest sequence below {@code sequence}, if any. */
    public Optional<DeadLetter> outstandingBefore(UUID projectId, long sequence) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM public.dead_letter WHERE status = 'parked' AND project_id = :projectId "
                        + "AND sequence < :sequence ORDER BY sequence, id LIMIT 1")
                .param("projectId", projectId).param("sequence", sequence)
                .query(DeadLetterStore::deadLetter).optional();
    }

    /** The project's outstanding dead letters: in sequence order, those without a sequence last. */
    public List<DeadLetter> outstandingOf(UUID projectId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM public.dead_letter WHERE status = 'parked' AND project_id = :projectId "
                        + "ORDER BY sequence NULLS LAST, id")
                .param("projectId", projectId)
                .query(DeadLetterStore::deadLetter).list();
    }

    public long outstandingCount() {
        return jdbc.sql("SELECT count(*) FROM public.dead_letter WHERE status = 'parked'").query(Long.class).single();
    }

    /** Oldest first. */
    public List<DeadLetter> list(boolean outstandingOnly) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM public.dead_letter" + (outstandingOnly ? " WHERE status = 'parked'" : "")
                        + " ORDER BY id")
                .query(DeadLetterStore::deadLetter).list();
    }

    public Optional<DeadLetter> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM public.dead_letter WHERE id = :id").param("id", id)
                .query(DeadLetterStore::deadLetter).optional();
    }

    /** The row locked until the transaction ends. */
    public Optional<DeadLetter> lock(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM public.dead_letter WHERE id = :id FOR UPDATE").param("id", id)
                .query(DeadLetterStore::deadLetter).optional();
    }

    /** The record as received. */
    public ReceivedRecord record(long id) {
        return jdbc.sql("SELECT topic, topic_partition, record_offset, record_key, record_value, header_names, "
                        + "header_values FROM public.dead_letter WHERE id = :id")
                .param("id", id)
                .query((row, n) -> new ReceivedRecord(row.getString("topic"), row.getInt("topic_partition"),
                        row.getLong("record_offset"), row.getBytes("record_key"), row.getBytes("record_value"),
                        List.of((String[]) row.getArray("header_names").getArray()), byteArrays(row.getArray("header_values"))))
                .single();
    }

    public void failedAgain(long id, ParkReason reason, String detail) {
        jdbc.sql("UPDATE public.dead_letter SET attempts = attempts + 1, last_failure_at = :now, reason = :reason, "
                        + "detail = :detail WHERE id = :id")
                .param("now", Timestamp.from(clock.instant())).param("reason", reason.code())
                .param("detail", detail(detail)).param("id", id)
                .update();
    }

    public void resolve(long id, String status) {
        jdbc.sql("UPDATE public.dead_letter SET status = :status, resolved_at = :now WHERE id = :id")
                .param("status", status).param("now", Timestamp.from(clock.instant())).param("id", id)
                .update();
    }

    public void recordOperation(Long deadLetterId, UUID projectId, String action, String by, String reason,
                                String outcome) {
        jdbc.sql("INSERT INTO public.dead_letter_operation (dead_letter_id, project_id, action, done_by, done_at, reason, outcome) "
                        + "VALUES (:deadLetterId, :projectId, :action, :by, :at, :reason, :outcome)")
                .param("deadLetterId", deadLetterId).param("projectId", projectId).param("action", action)
                .param("by", StorableText.of(by)).param("at", Timestamp.from(clock.instant()))
                .param("reason", StorableText.of(reason)).param("outcome", detail(outcome))
                .update();
    }

    /** Newest first. */
    public List<DeadLetterOperation> operations() {
        return jdbc.sql("SELECT id, dead_letter_id, project_id, action, done_by, done_at, reason, outcome "
                        + "FROM public.dead_letter_operation ORDER BY id DESC")
                .query((row, n) -> new DeadLetterOperation(row.getLong("id"), row.getObject("dead_letter_id", Long.class),
                        row.getObject("project_id", UUID.class), row.getString("action"), row.getString("done_by"),
                        row.getTimestamp("done_at").toInstant(), row.getString("reason"), row.getString("outcome")))
                .list();
    }

    /**
     * The events of the reprocessed dead letters, by project and sequence: a rebuild offers them again after the
     * topic, so that what admins released stays in the view (records that are no events are left out).
     */
    public List<EventEnvelope> reprocessedEvents() {
        List<EventEnvelope> events = new ArrayList<>();
        for (Long id : jdbc.sql("SELECT id FROM public.dead_letter WHERE status = 'reprocessed' "
                + "ORDER BY project_id, sequence, id").query(Long.class).list()) {
            ReceivedRecord record = record(id);
            try {
                events.add(CloudEventHeaders.read(record.textHeaders(), record.value()));
            } catch (MalformedEventException e) {
                // reprocessed as what it was: nothing to apply
            }
        }
        return events;
    }

    private static String detail(String detail) {
        String text = StorableText.of(detail == null ? "" : detail);
        return text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) + "…" : text;
    }

    private static DeadLetter deadLetter(ResultSet row, int n) throws SQLException {
        return new DeadLetter(row.getLong("id"), row.getString("reason"), row.getString("detail"),
                row.getObject("project_id", UUID.class), row.getObject("sequence", Long.class),
                row.getObject("event_id", UUID.class), row.getTimestamp("first_failure_at").toInstant(),
                row.getTimestamp("last_failure_at").toInstant(), row.getInt("attempts"), row.getString("status"));
    }

    private static List<byte[]> byteArrays(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        return new ArrayList<>(Arrays.stream(values).map(value -> (byte[]) value).toList());
    }
}
