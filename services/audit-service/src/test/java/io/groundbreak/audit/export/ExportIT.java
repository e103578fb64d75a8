package io.groundbreak.audit.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.audit.AuditIT;
import io.groundbreak.events.DuplicateDecided;
import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.HashChain;
import io.groundbreak.events.MilestoneRecorded;
import io.groundbreak.events.ProjectEvent;
import io.groundbreak.events.ProjectId;
import io.groundbreak.events.ProjectRegistered;
import io.groundbreak.events.Stage;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The export read as an auditor reads it: every hash recomputed from the JSONL alone with the test's own
 * JCS and SHA-256, every link followed; the filters; the CSV form.
 */
class ExportIT extends AuditIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> HASHED = List.of("id", "type", "subject", "sequence", "time", "recordedBy", "prevHash", "data");
    /** A district no other test of the module uses, so the district filter's answer is known exactly. */
    private static final String DISTRICT = "120113";

    private final Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(600);
    private List<EventEnvelope> first;
    private List<EventEnvelope> second;
    /** Schema 1.3: the two projects' pair stream (district {@code city}), decided and reversed. */
    private List<EventEnvelope> pair;

    @BeforeAll
    void publish() {
        first = history(DISTRICT, start, "新能源\"电池\"基地, 北辰\\一期\n(二)", "3000000000.00");
        second = history("120115", start.plusSeconds(1), "Wind towers", "15.50");
        topic.send(first.toArray(EventEnvelope[]::new));
        topic.send(second.toArray(EventEnvelope[]::new));
        pair = pair(first.get(0).subject(), second.get(0).subject(), start.plusSeconds(10));
        topic.send(pair.toArray(EventEnvelope[]::new));
        awaitLedger(List.of(first, second, pair));
    }

    @Test
    void everyHashOfTheWholeExportIsRecomputedFromTheLinesAlone() {
        TextAnswer export = get("/api/audit/export?format=jsonl", "auditor");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/jsonl");

        Map<String, String> lastHash = new HashMap<>();
        Map<String, Long> nextSequence = new HashMap<>();
        List<String> ids = new ArrayList<>();
        for (String line : export.body().split("\n")) {
            JsonNode event = JSON.readTree(line);
            ObjectNode hashed = JSON.createObjectNode();
            HASHED.forEach(field -> hashed.set(field, event.required(field)));
            assertThat(sha256Hex(IndependentJcs.canonicalize(hashed))).as(line).isEqualTo(event.get("hash").asString());
            String subject = event.get("subject").asString();
            assertThat(event.get("prevHash").asString()).as(line)
                    .isEqualTo(lastHash.getOrDefault(subject, HashChain.GENESIS_PREV_HASH));
            assertThat(event.get("sequence").asLong()).as(line).isEqualTo(nextSequence.getOrDefault(subject, 0L));
            lastHash.put(subject, event.get("hash").asString());
            nextSequence.put(subject, event.get("sequence").asLong() + 1);
            ids.add(event.get("id").asString());
        }
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(ids).containsSubsequence(first.stream().map(e -> e.id().toString()).toList());
        assertThat(ids).containsSubsequence(second.stream().map(e -> e.id().toString()).toList());
        assertThat(ids).containsSubsequence(pair.stream().map(e -> e.id().toString()).toList());
    }

    /** A pair's stream is exported like a project's: by its id, and with the city's other streams by district. */
    @Test
    void aPairsStreamIsExportedLikeAProject() {
        List<JsonNode> lines = jsonl("project=" + pair.get(0).subject());
        assertThat(ids(lines)).containsExactlyElementsOf(ids(pair));
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.get("type").asString()).isEqualTo("DuplicateDecided");
            assertThat(line.get("district").asString()).isEqualTo(EventEnvelope.CITY);
        });
        assertThat(lines.get(1).get("data").get("same").asBoolean()).isFalse();
        assertThat(ids(jsonl("district=" + EventEnvelope.CITY))).containsSubsequence(ids(pair));
        assertThat(ids(jsonl("district=" + DISTRICT))).doesNotContainAnyElementsOf(ids(pair));
    }

    @Test
    void aLineIsTheEnvelopeWithTheBodyUnderData() {
        List<JsonNode> lines = jsonl("project=" + first.get(0).subject());
        assertThat(lines).hasSize(first.size());
        JsonNode registration = lines.get(0);
        assertThat(registration.propertyNames()).containsExactly(
                "id", "type", "subject", "sequence", "time", "recordedBy", "prevHash", "data", "hash", "district");
        assertThat(registration.get("data").get("name").asString()).isEqualTo("新能源\"电池\"基地, 北辰\\一期\n(二)");
        assertThat(registration.get("district").asString()).isEqualTo(DISTRICT);
        assertThat(registration.get("time").asString()).isEqualTo(first.get(0).time().toString());
    }

    @Test
    void theFiltersSelectByProjectDistrictAndRecordedTime() {
        assertThat(ids(jsonl("project=" + second.get(0).subject()))).containsExactlyElementsOf(ids(second));
        assertThat(ids(jsonl("district=" + DISTRICT))).containsExactlyElementsOf(ids(first));
        // both bounds are inclusive
        Instant from = first.get(1).time();
        Instant to = first.get(2).time();
        assertThat(ids(jsonl("district=" + DISTRICT + "&recordedFrom=" + from + "&recordedTo=" + to)))
                .containsExactlyElementsOf(ids(first.subList(1, 3)));
        assertThat(ids(jsonl("project=" + first.get(0).subject() + "&recordedTo=" + first.get(0).time().minusMillis(1))))
                .isEmpty();
    }

    @Test
    void theCsvHoldsTheSameEventsAndTheirHashesCanBeRecomputed() {
        TextAnswer export = get("/api/audit/export?format=csv&project=" + first.get(0).subject(), "auditor");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("text/csv");
        List<List<String>> rows = Rfc4180.parse(export.body());
        List<String> header = rows.get(0);
        assertThat(header).containsExactly("id", "type", "subject", "sequence", "time", "recordedBy", "prevHash", "hash",
                "district", "data");
        assertThat(rows).hasSize(first.size() + 1);
        for (int i = 1; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            ObjectNode hashed = JSON.createObjectNode();
            for (String field : HASHED) {
                String value = row.get(header.indexOf(field));
                switch (field) {
                    case "sequence" -> hashed.put(field, Long.parseLong(value));
                    case "data" -> hashed.set(field, JSON.readTree(value));
                    default -> hashed.put(field, value);
                }
            }
            assertThat(sha256Hex(IndependentJcs.canonicalize(hashed))).isEqualTo(row.get(header.indexOf("hash")));
            assertThat(row.get(header.indexOf("id"))).isEqualTo(first.get(i - 1).id().toString());
        }
    }

    @Test
    void wrongParametersAreNamed() {
        TextAnswer answer = get("/api/audit/export?format=xml&project=nope&recordedFrom=yesterday", "auditor");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.invalidFields()).containsExactlyInAnyOrder("format", "project", "recordedFrom");
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<JsonNode> jsonl(String query) {
        TextAnswer export = get("/api/audit/export?format=jsonl&" + query, "auditor");
        assertThat(export.status()).as(query).isEqualTo(200);
        return export.body().lines().map(line -> (JsonNode) JSON.readTree(line)).toList();
    }

    private static List<String> ids(List<?> events) {
        return events.stream().map(event -> event instanceof EventEnvelope envelope
                ? envelope.id().toString() : ((JsonNode) event).get("id").asString()).toList();
    }

    /** Two decisions on the pair, a second apart: the same (the first the primary), then not. */
    private static List<EventEnvelope> pair(ProjectId one, ProjectId other, Instant at) {
        ProjectId pairId = DuplicateDecided.pairOf(one, other);
        ProjectId first = DuplicateDecided.first(one, other);
        ProjectId second = first.equals(one) ? other : one;
        EventEnvelope same = HashChain.seal(UUID.randomUUID(), 0, at, "admin", HashChain.GENESIS_PREV_HASH,
                EventEnvelope.CITY, new DuplicateDecided(pairId, first, second, true, first, "同一项目"));
        return List.of(same, HashChain.seal(UUID.randomUUID(), 1, at.plusSeconds(1), "admin", same.hash(),
                EventEnvelope.CITY, new DuplicateDecided(pairId, first, second, false, null, "two sites")));
    }

    /** A project of three events recorded a second apart from {@code start}. */
    private static List<EventEnvelope> history(String district, Instant start, String name, String planned) {
        ProjectId id = ProjectId.random();
        List<ProjectEvent> bodies = List.of(
                new ProjectRegistered(id, "X-" + id.toString().substring(0, 8), name, district, "new-energy", "Investor",
                        new BigDecimal(planned), null),
                new MilestoneRecorded(id, Stage.TALKS, LocalDate.parse("2024-02-01"), null, null),
                new MilestoneRecorded(id, Stage.SIGNED, LocalDate.parse("2024-03-01"), new BigDecimal("1.00"), "签约"));
        List<EventEnvelope> events = new ArrayList<>();
        for (ProjectEvent body : bodies) {
            events.add(HashChain.seal(UUID.randomUUID(), events.size(), start.plusSeconds(2L * events.size()), "d" + district,
                    events.isEmpty() ? HashChain.GENESIS_PREV_HASH : events.get(events.size() - 1).hash(), district, body));
        }
        return events;
    }
}
