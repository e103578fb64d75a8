package io.groundbreak.audit.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.groundbreak.audit.AuditIT;
import io.groundbreak.events.EventCodec;
import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.HashChain;
import io.groundbreak.events.MilestoneRecorded;
import io.groundbreak.events.ProjectRegistered;
import io.groundbreak.events.Stage;
import io.groundbreak.testsupport.events.ProjectStream;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16's hole: text PostgreSQL cannot hold (U+0000) in an event already on the topic. Before, the insert
 * failed, the binder retried and dropped the record, and every later event of the project was parked. Now the
 * event is stored, the columns with U+2400 for queries and the exact bytes beside them, and everything an
 * auditor reads (history, export, verification, the replayed funnel) gives back the exact text: every hash
 * still verifies.
 */
class NulTextIT extends AuditIT {

    private static final String NAME = "动力\u0000电池基地";
    private static final String AUTHOR = "d120116\u0000forged";
    private static final String DISTRICT = "120\u0000116";
    /** A backslash followed by "u0000" is not a NUL: it must come back as written. */
    private static final String PARK = "back\\u0000slash";

    private ProjectStream project;
    private final List<EventEnvelope> events = new ArrayList<>();

    @BeforeAll
    void publish() {
        project = new ProjectStream("120116");
        events.add(project.next(new ProjectRegistered(project.projectId, "NUL-2024-001", NAME, "120116", "new-energy",
                "Investor\u0000Ltd.", new BigDecimal("1500000000.00"), PARK)));
        // a foreign producer: NUL in the author (hashed) and in the district (the CloudEvents source, not hashed)
        events.add(HashChain.seal(UUID.randomUUID(), 1, Instant.now(), AUTHOR, events.get(0).hash(), "120116",
                new MilestoneRecorded(project.projectId, Stage.TALKS, LocalDate.parse("2024-01-10"), null, null)));
        events.add(HashChain.seal(UUID.randomUUID(), 2, Instant.now(), "d120116", events.get(1).hash(), DISTRICT,
                new MilestoneRecorded(project.projectId, Stage.SIGNED, LocalDate.parse("2024-03-01"),
                        new BigDecimal("10.00"), "签约\u0000仪式")));
        topic.send(events.toArray(EventEnvelope[]::new));
        awaitLedger(List.of(events));
    }

    @Test
    void historyGivesBackTheExactTextAndEveryHashRecomputes() {
        // aRedeliveryStoresNothingTwice may have added a fourth event
        JsonNode history = get("/api/audit/projects/" + project.projectId + "/history", "auditor").json().get("events");
        assertThat(history.size()).isBetween(3, 4);
        assertThat(history.get(0).get("data").get("name").asString()).isEqualTo(NAME);
        assertThat(history.get(0).get("data").get("investor").asString()).isEqualTo("Investor\u0000Ltd.");
        assertThat(history.get(0).get("data").get("park").asString()).isEqualTo(PARK);
        assertThat(history.get(1).get("recordedBy").asString()).isEqualTo(AUTHOR);
        assertThat(history.get(2).get("district").asString()).isEqualTo(DISTRICT);
        assertThat(history.get(2).get("data").get("note").asString()).isEqualTo("签约\u0000仪式");
        for (int i = 0; i < 3; i++) {
            assertThat(HashChain.hashOfJson(history.get(i))).as("event %d", i).isEqualTo(events.get(i).hash());
            assertThat(EventCodec.envelopeFromJson(history.get(i).toString()).hashIsIntact()).isTrue();
        }
    }

    @Test
    void theExportGivesBackTheExactTextAndEveryHashRecomputes() {
        TextAnswer export = get("/api/audit/export?format=jsonl&project=" + project.projectId, "auditor");
        assertThat(export.status()).isEqualTo(200);
        List<String> lines = export.body().lines().toList();
        assertThat(lines.size()).isBetween(3, 4);
        for (int i = 0; i < 3; i++) {
            JsonNode line = EventCodec.jsonMapper().readTree(lines.get(i));
            assertThat(line.get("hash").asString()).isEqualTo(events.get(i).hash());
            assertThat(HashChain.hashOfJson(line)).as("line %d", i).isEqualTo(line.get("hash").asString());
        }
        assertThat(lines.get(0)).contains("\\u0000");
    }

    /** A filter with U+0000 finds what it names (and is no 500). */
    @Test
    void theExportFiltersByADistrictWithNul() {
        TextAnswer export = get("/api/audit/export?format=jsonl&district=120%00116&project=" + project.projectId, "auditor");
        assertThat(export.status()).isEqualTo(200);
        List<String> lines = export.body().lines().toList();
        assertThat(lines).hasSize(1);
        assertThat(EventCodec.jsonMapper().readTree(lines.get(0)).get("district").asString()).isEqualTo(DISTRICT);
    }

    @Test
    void verificationFindsNothingWrongAndNothingIsParked() {
        JsonNode report = post("/api/audit/verification", "auditor").json();
        report.get("problems").forEach(problem ->
                assertThat(problem.path("projectId").asString("")).isNotEqualTo(project.projectId.toString()));
        assertThat(deadLettersOf(project.projectId)).isEmpty();
    }

    @Test
    void theReplayedFunnelCountsTheProject() {
        TextAnswer funnel = get("/api/audit/funnel?validAt=2024-06-30&district=120116", "auditor");
        assertThat(funnel.status()).isEqualTo(200);
        assertThat(funnel.json().get("stages").get(1).get("reached").asLong()).as("SIGNED").isGreaterThanOrEqualTo(1);
    }

    /**
     * The documented encoding: sanitized columns (U+2400) for queries, and the exact bytes the hash covers in
     * {@code hashed_bytes}, so that even SQL alone checks the hash: {@code sha256(hashed_bytes) = hash}.
     */
    @Test
    void theTableKeepsASanitizedCopyAndTheExactBytesTheHashCovers() throws Exception {
        try (Connection owner = superuser(); PreparedStatement query = owner.prepareStatement(
                "SELECT sequence, data->>'name' AS name, recorded_by, district, hashed_bytes, district_bytes, hash,"
                        + " encode(sha256(hashed_bytes), 'hex') AS bytes_hash FROM ledger_event WHERE project_id = ? ORDER BY sequence")) {
            query.setObject(1, project.projectId.value());
            try (ResultSet rows = query.executeQuery()) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString("name")).isEqualTo("动力\u2400电池基地");
                assertThat(rows.getString("bytes_hash")).isEqualTo(rows.getString("hash"));
                assertThat(sha256(rows.getBytes("hashed_bytes"))).isEqualTo(events.get(0).hash());
                assertThat(rows.getBytes("district_bytes")).isNull();
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString("recorded_by")).isEqualTo("d120116\u2400forged");
                assertThat(rows.getString("bytes_hash")).isEqualTo(rows.getString("hash"));
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString("district")).isEqualTo("120\u2400116");
                assertThat(new String(rows.getBytes("district_bytes"), java.nio.charset.StandardCharsets.UTF_8))
                        .isEqualTo(DISTRICT);
                assertThat(rows.getString("bytes_hash")).isEqualTo(rows.getString("hash"));
            }
        }
    }

    /** A redelivery of the whole project (offsets reset) stores nothing twice and parks nothing. */
    @Test
    void aRedeliveryStoresNothingTwice() {
        topic.send(events.toArray(EventEnvelope[]::new));
        EventEnvelope next = HashChain.seal(UUID.randomUUID(), 3, Instant.now(), "d120116", events.get(2).hash(), "120116",
                new MilestoneRecorded(project.projectId, Stage.LANDED, LocalDate.parse("2024-05-01"), null, null));
        topic.send(next);
        await().atMost(PROPAGATION).untilAsserted(() -> assertThat(
                get("/api/audit/projects/" + project.projectId + "/history", "auditor").json().get("events")).hasSize(4));
        assertThat(deadLettersOf(project.projectId)).isEmpty();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
