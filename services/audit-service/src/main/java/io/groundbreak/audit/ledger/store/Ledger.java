package io.groundbreak.audit.ledger.store;

import io.groundbreak.events.EventCodec;
import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.ProjectId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import io.groundbreak.events.EventTime;
import io.groundbreak.events.HashChain;
import java.nio.charset.StandardCharsets;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The append-only ledger table: events go in once, with their full envelope, and never change. */
@Component
public class Ledger {

    /** Read from the index of V5__ledger_heads.sql alone, in its order: no sort of the whole ledger (verification). */
    static final String HEADS = "SELECT DISTINCT ON (project_id) project_id, sequence, hash FROM ledger_event"
            + " ORDER BY project_id, sequence DESC";
    static final String ENVELOPE_COLUMNS = "event_id, event_type, project_id, sequence, recorded_at, recorded_by,"
            + " prev_hash, hash, district, data, hashed_bytes, district_bytes";
    /** The values of {@link #ENVELOPE_COLUMNS}, bound by {@link #envelope}. */
    static final String ENVELOPE_VALUES = ":id, :type, :project, :sequence, :time, :recordedBy, :prevHash, :hash,"
            + " :district, CAST(:data AS jsonb), :hashedBytes, :districtBytes";

    private final JdbcClient jdbc;
    private final Cursor cursor;

    Ledger(JdbcClient jdbc, Cursor cursor) {
        this.jdbc = jdbc;
        this.cursor = cursor;
    }

    /** @return false when the event id or the project's sequence is already in the ledger */
    public boolean append(EventEnvelope envelope) {
        return envelope(jdbc.sql("INSERT INTO ledger_event (" + ENVELOPE_COLUMNS + ") VALUES (" + ENVELOPE_VALUES + ")"
                        + " ON CONFLICT DO NOTHING"), envelope)
                .update() == 1;
    }

    /**
     * Binds an envelope's columns. Text PostgreSQL cannot hold (U+0000) is written to the text and jsonb
     * columns as U+2400 and kept exactly in {@code hashed_bytes} (the canonical JSON of the hashed fields,
     * the very bytes the hash covers) and {@code district_bytes}; both stay NULL for every other event.
     */
    static JdbcClient.StatementSpec envelope(JdbcClient.StatementSpec statement, EventEnvelope envelope) {
        JsonNode data = EventCodec.toTree(envelope.data());
        boolean inexact = PgText.holdsNul(envelope.type()) || PgText.holdsNul(envelope.recordedBy())
                || PgText.holdsNul(envelope.prevHash()) || PgText.holdsNul(data);
        return statement
                .param("id", envelope.id())
                .param("type", PgText.safe(envelope.type()))
                .param("project", envelope.subject().value())
                .param("sequence", envelope.sequence())
                .param("time", timestamp(envelope.time()))
                .param("recordedBy", PgText.safe(envelope.recordedBy()))
                .param("prevHash", PgText.safe(envelope.prevHash()))
                .param("hash", PgText.safe(envelope.hash()))
                .param("district", PgText.safe(envelope.district()))
                .param("data", EventCodec.jsonMapper().writeValueAsString(inexact ? PgText.safe(data) : data))
                .param("hashedBytes", inexact ? HashChain.canonicalJson(envelope).getBytes(StandardCharsets.UTF_8) : null,
                        Types.BINARY)
                .param("districtBytes", PgText.holdsNul(envelope.district())
                        ? envelope.district().getBytes(StandardCharsets.UTF_8) : null, Types.BINARY);
    }

    /**
     * Serialises everything that writes a project's events (the consumer, an administrator's reprocess) for
     * the rest of the transaction.
     */
    public void lockProject(ProjectId projectId) {
        UUID id = projectId.value();
        jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(:key)) AS locked")
                .param("key", id.getMostSignificantBits() ^ id.getLeastSignificantBits())
                .query(Integer.class)
                .single();
    }

    /** The hash the ledger holds for an event id, if it holds that event. */
    public Optional<String> hashOfEvent(UUID eventId) {
        return jdbc.sql("SELECT hash FROM ledger_event WHERE event_id = :id")
                .param("id", eventId)
                .query(String.class)
                .optional();
    }

    /** The hash of a project's event at a sequence, if the ledger holds it. */
    public Optional<String> hashAt(ProjectId projectId, long sequence) {
        return jdbc.sql("SELECT hash FROM ledger_event WHERE project_id = :project AND sequence = :sequence")
                .param("project", projectId.value())
                .param("sequence", sequence)
                .query(String.class)
                .optional();
    }

    /** The event recorded last of all the ledger holds, and when it was ingested; empty for an empty ledger. */
    public Optional<NewestEvent> newest() {
        return jdbc.sql("SELECT recorded_at, ingested_at FROM ledger_event ORDER BY recorded_at DESC LIMIT 1")
                .query((row, number) -> new NewestEvent(row.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                        row.getObject("ingested_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    /** Every event of a project, in sequence order; empty for a project the ledger has never seen. */
    public List<StoredEvent> history(ProjectId projectId) {
        return jdbc.sql("SELECT " + ENVELOPE_COLUMNS + " FROM ledger_event WHERE project_id = :project ORDER BY sequence")
                .param("project", projectId.value())
                .query((row, number) -> stored(row))
                .list();
    }

    /**
     * Every duplicate decision naming the project, first or second, from the pairs' streams, in the order recorded
     * (the indexes of V7__ledger_pair_members.sql).
     */
    public List<StoredEvent> decisionsNaming(ProjectId projectId) {
        return jdbc.sql("SELECT " + ENVELOPE_COLUMNS + " FROM ledger_event WHERE event_type = 'DuplicateDecided'"
                        + " AND (data ->> 'firstProjectId' = :project OR data ->> 'secondProjectId' = :project)"
                        + " ORDER BY recorded_at, project_id, sequence")
                .param("project", projectId.toString())
                .query((row, number) -> stored(row))
                .list();
    }

    /** The selected events in the order they entered the ledger (each project's in sequence order), streamed. */
    public void eachInIngestOrder(LedgerSelection selection, Consumer<StoredEvent> action) {
        stream(selection, "position", action);
    }

    /** The selected events project by project, each project's in sequence order, streamed. */
    public void eachByProject(LedgerSelection selection, Consumer<StoredEvent> action) {
        stream(selection, "project_id, sequence", action);
    }

    private void stream(LedgerSelection selection, String order, Consumer<StoredEvent> action) {
        StringBuilder sql = new StringBuilder("SELECT " + ENVELOPE_COLUMNS + " FROM ledger_event WHERE true");
        selection.project().ifPresent(project -> sql.append(" AND project_id = :project"));
        selection.district().ifPresent(district -> sql.append(" AND district = :district"));
        selection.recordedFrom().ifPresent(from -> sql.append(" AND recorded_at >= :from"));
        selection.recordedTo().ifPresent(to -> sql.append(" AND recorded_at <= :to"));
        sql.append(" ORDER BY ").append(order);
        // read ahead: the caller's work on each event (recomputing its hash, writing it out) overlaps the reading
        cursor.eachReadAhead(sql.toString(), statement -> {
            selection.project().ifPresent(project -> statement.param("project", project.value()));
            // as the column holds it: a district with U+0000 is stored with U+2400
            selection.district().ifPresent(district -> statement.param("district", PgText.safe(district)));
            selection.recordedFrom().ifPresent(from -> statement.param("from", timestamp(from)));
            selection.recordedTo().ifPresent(to -> statement.param("to", timestamp(to)));
        }, (row, number) -> stored(row), action);
    }

    static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** The row as stored; where exact bytes were kept beside the columns, the exact values (see {@link #envelope}). */
    static StoredEvent stored(ResultSet row) throws SQLException {
        StoredEvent columns = new StoredEvent(
                row.getObject("event_id", UUID.class),
                row.getString("event_type"),
                row.getObject("project_id", UUID.class),
                row.getLong("sequence"),
                row.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                row.getString("recorded_by"),
                row.getString("prev_hash"),
                row.getString("hash"),
                row.getString("district"),
                row.getString("data"),
                null);
        byte[] hashedBytes = row.getBytes("hashed_bytes");
        byte[] districtBytes = row.getBytes("district_bytes");
        if (hashedBytes == null && districtBytes == null) {
            return columns;
        }
        return exact(columns, hashedBytes, districtBytes);
    }

    private static StoredEvent exact(StoredEvent columns, byte[] hashedBytes, byte[] districtBytes) {
        String district = districtBytes == null ? columns.district() : new String(districtBytes, StandardCharsets.UTF_8);
        if (hashedBytes == null) {
            return new StoredEvent(columns.id(), columns.type(), columns.projectId(), columns.sequence(),
                    columns.recordedAt(), columns.recordedBy(), columns.prevHash(), columns.hash(), district,
                    columns.data(), copyProblem(columns, null, district));
        }
        JsonNode exact;
        StoredEvent stored;
        try {
            exact = EventCodec.jsonMapper().readTree(hashedBytes);
            stored = new StoredEvent(
                    UUID.fromString(exact.required("id").asString()),
                    exact.required("type").asString(),
                    UUID.fromString(exact.required("subject").asString()),
                    exact.required("sequence").asLong(),
                    EventTime.parse(exact.required("time").asString()),
                    exact.required("recordedBy").asString(),
                    exact.required("prevHash").asString(),
                    columns.hash(),
                    district,
                    EventCodec.jsonMapper().writeValueAsString(exact.required("data")),
                    null);
        } catch (RuntimeException e) {
            // bytes changed behind the service's back: show the columns, and say so
            return new StoredEvent(columns.id(), columns.type(), columns.projectId(), columns.sequence(),
                    columns.recordedAt(), columns.recordedBy(), columns.prevHash(), columns.hash(), columns.district(),
                    columns.data(), "hashed_bytes is not the canonical JSON of an envelope: " + e.getMessage());
        }
        return new StoredEvent(stored.id(), stored.type(), stored.projectId(), stored.sequence(), stored.recordedAt(),
                stored.recordedBy(), stored.prevHash(), stored.hash(), stored.district(), stored.data(),
                copyProblem(columns, exact, district));
    }

    /** The columns must be the sanitized copy of the exact values; anything else was changed behind our back. */
    private static String copyProblem(StoredEvent columns, JsonNode exact, String district) {
        List<String> differing = new ArrayList<>();
        if (!Objects.equals(columns.district(), PgText.safe(district))) {
            differing.add("district");
        }
        if (exact != null) {
            if (!columns.id().toString().equals(exact.path("id").asString(""))) {
                differing.add("id");
            }
            if (!Objects.equals(columns.type(), PgText.safe(exact.path("type").asString("")))) {
                differing.add("type");
            }
            if (!columns.projectId().toString().equals(exact.path("subject").asString(""))) {
                differing.add("subject");
            }
            if (columns.sequence() != exact.path("sequence").asLong(-1)) {
                differing.add("sequence");
            }
            if (!EventTime.format(columns.recordedAt()).equals(exact.path("time").asString(""))) {
                differing.add("time");
            }
            if (!Objects.equals(columns.recordedBy(), PgText.safe(exact.path("recordedBy").asString("")))) {
                differing.add("recordedBy");
            }
            if (!Objects.equals(columns.prevHash(), PgText.safe(exact.path("prevHash").asString("")))) {
                differing.add("prevHash");
            }
            if (!EventCodec.jsonMapper().readTree(columns.data()).equals(PgText.safe(exact.path("data")))) {
                differing.add("data");
            }
        }
        return differing.isEmpty() ? null
                : "the columns " + differing + " are not the sanitized copy of the exact bytes kept beside them";
    }

    /** Each project's last event (sequence and hash), ordered by project id as PostgreSQL orders uuids. */
    public <R> R heads(Function<Stream<Head>, R> use) {
        return cursor.stream(HEADS,
                (row, number) -> new Head(row.getObject("project_id", UUID.class), row.getLong("sequence"),
                        row.getString("hash")), use);
    }
}
