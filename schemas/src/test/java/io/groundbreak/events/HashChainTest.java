package io.groundbreak.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The hash chain against golden vectors: src/test/resources/golden holds one project's history (and
 * golden-schema-1.1 a second project's, with the optional fields schema 1.1 added),
 * each event with its envelope, the exact canonical text and the hash. They were written once and
 * checked against an independent JCS (Python's json with sorted keys, valid for these string and
 * integer values); any change to how we write or canonicalise an event fails here.
 */
class HashChainTest {

    /** Every golden file: schema 1.0's history in /golden, schema 1.1's fields in /golden-schema-1.1 (a second project). */
    static Stream<Path> golden() throws IOException, URISyntaxException {
        return Stream.of(golden("/golden"), golden(SCHEMA_1_1), golden(SCHEMA_1_2), golden(SCHEMA_1_3_REQUESTS),
                golden(SCHEMA_1_3_DUPLICATES)).flatMap(files -> files);
    }

    private static final String SCHEMA_1_1 = "/golden-schema-1.1";
    /** A year's plan stream (TargetsSet): subject the plan id, district "city". */
    private static final String SCHEMA_1_2 = "/golden-schema-1.2";
    /** Schema 1.3: a project whose past changes are requested, approved, rejected and withdrawn (a third project). */
    private static final String SCHEMA_1_3_REQUESTS = "/golden-schema-1.3-requests";
    /** Schema 1.3: a pair's stream (DuplicateDecided): a decision and its reversal; subject the pair id, district "city". */
    private static final String SCHEMA_1_3_DUPLICATES = "/golden-schema-1.3-duplicates";

    private static Stream<Path> golden(String folder) throws IOException, URISyntaxException {
        Path dir = Path.of(HashChainTest.class.getResource(folder).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("golden")
    void ourTypesGiveTheGoldenCanonicalTextAndHash(Path file) throws IOException {
        JsonNode golden = read(file);
        String line = EventCodec.jsonMapper().writeValueAsString(golden.get("envelope"));
        String canonical = golden.get("canonical").asString();
        String hash = golden.get("envelope").get("hash").asString();

        EventEnvelope envelope = EventCodec.envelopeFromJson(line);

        assertThat(sha256(canonical)).as("the golden file is consistent").isEqualTo(hash);
        assertThat(HashChain.canonicalJson(envelope)).isEqualTo(canonical);
        assertThat(HashChain.hashOf(envelope)).isEqualTo(hash);
        assertThat(HashChain.hashOfJson(line)).isEqualTo(hash);
        assertThat(HashChain.seal(envelope.id(), envelope.sequence(), envelope.time(), envelope.recordedBy(),
                envelope.prevHash(), envelope.district(), envelope.data())).isEqualTo(envelope);
    }

    @Test
    void theGoldenHistoryIsOneUnbrokenChainOfEveryEventType() throws Exception {
        List<EventEnvelope> history = unbrokenChain(golden("/golden"));

        assertThat(history).extracting(EventEnvelope::type).containsAll(EventCodec.types().keySet().stream()
                .filter(type -> !SCHEMA_1_2_AND_LATER_TYPES.contains(type)).toList());
        assertThat(HashChain.GENESIS_PREV_HASH).hasSize(64).matches("0+");
    }

    @Test
    void schema11sGoldenProjectIsAnUnbrokenChainWithEveryNewFieldInIt() throws Exception {
        List<EventEnvelope> history = unbrokenChain(golden(SCHEMA_1_1));

        ProjectRegistered registered = (ProjectRegistered) history.get(0).data();
        ProjectDetailsAmended amended = (ProjectDetailsAmended) history.get(1).data();
        assertThat(registered.plannedDates()).isEqualTo(new PlannedDates(LocalDate.of(2025, 3, 31),
                LocalDate.of(2025, 6, 30), LocalDate.of(2025, 9, 30), LocalDate.of(2026, 12, 31)));
        assertThat(registered.park()).isNull();
        assertThat(List.of(registered.responsiblePerson(), registered.responsibleLeader(), registered.source()))
                .containsExactly("张伟", "李明（副区长）", "world-intelligence-expo");
        assertThat(amended.plannedDates()).isEqualTo(new PlannedDates(null, LocalDate.of(2025, 8, 31),
                LocalDate.of(2025, 11, 30), null));
        assertThat(amended.responsiblePerson()).isEqualTo("王芳");
        assertThat(amended.source()).isNull();
    }

    @Test
    void schema12sGoldenPlanIsAnUnbrokenChainOnTheYearsPlanStream() throws Exception {
        List<EventEnvelope> history = unbrokenChain(golden(SCHEMA_1_2));

        assertThat(history).extracting(EventEnvelope::type).containsOnly("TargetsSet");
        assertThat(history).extracting(EventEnvelope::subject).containsOnly(TargetsSet.planOf(2025));
        assertThat(history).extracting(EventEnvelope::district).containsOnly(EventEnvelope.CITY);
        TargetsSet changed = (TargetsSet) history.get(1).data();
        assertThat(changed.targets()).containsExactly(new TargetCell("120116", "new-energy", 4, 2, 2, 1,
                new java.math.BigDecimal("15000000000.00"), new java.math.BigDecimal("3000000000.00")));
        assertThat(CloudEventHeaders.of(history.get(0))).containsEntry(CloudEventHeaders.SOURCE, "/city");
        assertThat(CloudEventHeaders.read(CloudEventHeaders.of(history.get(1)), EventCodec.toJsonBytes(changed)))
                .isEqualTo(history.get(1));
    }

    private static final List<String> SCHEMA_1_2_AND_LATER_TYPES = List.of("TargetsSet", "DuplicateDecided",
            "ChangeRequested", "ChangeApproved", "ChangeRejected", "ChangeWithdrawn");

    @Test
    void schema13sGoldenRequestsAreAnUnbrokenChainWithEveryOutcome() throws Exception {
        List<EventEnvelope> history = unbrokenChain(golden(SCHEMA_1_3_REQUESTS));

        assertThat(history).extracting(EventEnvelope::type).contains("ChangeRequested", "ChangeApproved",
                "ChangeRejected", "ChangeWithdrawn");
        ChangeRequested retraction = (ChangeRequested) history.get(3).data();
        ChangeApproved approval = (ChangeApproved) history.get(4).data();
        // the approved change follows its approval, as the event the request carried, recorded by the approver
        assertThat(approval.requestId()).isEqualTo(retraction.requestId());
        assertThat(history.get(5).data()).isEqualTo(retraction.change()).isInstanceOf(MilestoneRetracted.class);
        assertThat(history.get(5).recordedBy()).isEqualTo(history.get(4).recordedBy()).isNotEqualTo(history.get(3).recordedBy());
        assertThat(((ChangeRequested) history.get(6).data()).change()).isInstanceOf(MilestoneCorrected.class);
        assertThat(((ChangeRequested) history.get(8).data()).change()).isInstanceOf(ProjectTerminated.class);
    }

    @Test
    void schema13sGoldenPairIsAnUnbrokenChainOnThePairsStream() throws Exception {
        List<EventEnvelope> history = unbrokenChain(golden(SCHEMA_1_3_DUPLICATES));

        DuplicateDecided same = (DuplicateDecided) history.get(0).data();
        DuplicateDecided reversed = (DuplicateDecided) history.get(1).data();
        assertThat(history).extracting(EventEnvelope::subject)
                .containsOnly(DuplicateDecided.pairOf(same.secondProjectId(), same.firstProjectId()));
        assertThat(history).extracting(EventEnvelope::district).containsOnly(EventEnvelope.CITY);
        assertThat(same.firstProjectId().toString()).isLessThan(same.secondProjectId().toString());
        assertThat(same.duplicate()).contains(same.primaryProjectId().equals(same.firstProjectId())
                ? same.secondProjectId() : same.firstProjectId());
        assertThat(reversed.duplicate()).isEmpty();
        assertThat(CloudEventHeaders.of(history.get(0))).containsEntry(CloudEventHeaders.SOURCE, "/city");
    }

    private static List<EventEnvelope> unbrokenChain(Stream<Path> files) {
        List<EventEnvelope> history = files.map(HashChainTest::read)
                .map(g -> EventCodec.envelopeFromJson(g.get("envelope").toString())).toList();
        String prevHash = HashChain.GENESIS_PREV_HASH;
        for (int i = 0; i < history.size(); i++) {
            assertThat(history.get(i).sequence()).isEqualTo(i);
            assertThat(history.get(i).prevHash()).isEqualTo(prevHash);
            prevHash = history.get(i).hash();
        }
        return history;
    }

    @Test
    void everyHashedFieldChangesTheHashAndTheDistrictDoesNot() {
        EventEnvelope base = sealed(new MilestoneRecorded(SampleEvents.PROJECT, Stage.SIGNED,
                LocalDate.of(2024, 5, 7), new java.math.BigDecimal("1.00"), null));
        ObjectNode line = EventCodec.envelopeToTree(base);
        String hash = HashChain.hashOfJson(line);

        for (String field : HashChain.HASHED_FIELDS) {
            ObjectNode altered = line.deepCopy();
            if (field.equals("data")) {
                ((ObjectNode) altered.get("data")).put("amountCny", "1.0");
            } else if (field.equals("sequence")) {
                altered.put("sequence", 2);
            } else {
                altered.put(field, altered.get(field).asString() + "x");
            }
            assertThat(HashChain.hashOfJson(altered)).as(field).isNotEqualTo(hash);
        }
        ObjectNode otherDistrict = line.deepCopy().put("district", "120101").put("exportedAt", "now");
        assertThat(HashChain.hashOfJson(otherDistrict)).isEqualTo(hash);
        assertThat(new EventEnvelope(base.id(), base.type(), base.subject(), base.sequence(), base.time(),
                base.recordedBy(), base.prevHash(), base.hash(), "120101", base.data()).hashIsIntact()).isTrue();
    }

    @Test
    void anAbsentOptionalFieldAndAnExplicitNullHashDifferently() {
        // why the codec leaves absent fields out: a writer that sent null would get another hash
        ObjectNode line = EventCodec.envelopeToTree(sealed(new MilestoneRecorded(SampleEvents.PROJECT, Stage.TALKS,
                LocalDate.of(2024, 5, 7), null, null)));
        ObjectNode withNull = line.deepCopy();
        ((ObjectNode) withNull.get("data")).putNull("note");

        assertThat(HashChain.hashOfJson(withNull)).isNotEqualTo(HashChain.hashOfJson(line));
    }

    @Test
    void sealingCutsTheTimeToMillisecondsBeforeHashing() {
        ProjectEvent event = new ProjectResumed(SampleEvents.PROJECT, LocalDate.of(2024, 5, 7), "r");
        EventEnvelope a = HashChain.seal(UUID.nameUUIDFromBytes(new byte[] {1}), 3,
                Instant.parse("2024-05-07T08:30:00.123456Z"), "u", "a".repeat(64), "120116", event);
        EventEnvelope b = HashChain.seal(UUID.nameUUIDFromBytes(new byte[] {1}), 3,
                Instant.parse("2024-05-07T08:30:00.123999Z"), "u", "a".repeat(64), "120116", event);

        assertThat(a.time()).isEqualTo(Instant.parse("2024-05-07T08:30:00.123Z"));
        assertThat(a.hash()).isEqualTo(b.hash()).matches("[0-9a-f]{64}");
        assertThat(HashChain.canonicalJson(a)).contains("\"time\":\"2024-05-07T08:30:00.123Z\"");
    }

    @Test
    void aLineWithoutAHashedFieldCannotBeHashed() {
        ObjectNode line = EventCodec.envelopeToTree(sealed(new ProjectResumed(SampleEvents.PROJECT,
                LocalDate.of(2024, 5, 7), "r")));
        line.remove("prevHash");

        assertThatThrownBy(() -> HashChain.hashOfJson(line))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("'prevHash'");
        assertThatThrownBy(() -> HashChain.hashOfJson("[1]")).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> HashChain.hashOfJson("{")).isInstanceOf(MalformedEventException.class);
    }

    private static EventEnvelope sealed(ProjectEvent event) {
        return HashChain.seal(UUID.nameUUIDFromBytes(new byte[] {7}), 1, Instant.parse("2024-05-07T08:30:00.123Z"),
                "d120116", HashChain.GENESIS_PREV_HASH.replace('0', 'f'), "120116", event);
    }

    private static JsonNode read(Path file) {
        try {
            return EventCodec.jsonMapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
