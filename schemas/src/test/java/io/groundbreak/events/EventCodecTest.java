package io.groundbreak.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.groundbreak.events.schema.EventSchemaValidator;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

/** The canonical codec against the published schemas: every event writes valid JSON and reads back equal. */
class EventCodecTest {

    private final EventSchemaValidator validator = EventSchemaValidator.v1();

    static Stream<ProjectEvent> events() {
        return Stream.concat(SampleEvents.handPicked().stream(), SampleEvents.random(8785, 450).stream());
    }

    @ParameterizedTest
    @MethodSource("events")
    void everyEventWritesJsonThatValidatesAndReadsBackEqual(ProjectEvent event) {
        String json = EventCodec.toJson(event);

        assertThat(validator.validate(event.type(), json)).as(json).isEmpty();
        assertThat(EventCodec.fromJson(event.type(), json)).isEqualTo(event);
        assertThat(EventCodec.fromJson(event.type(), EventCodec.toJsonBytes(event))).isEqualTo(event);
    }

    @ParameterizedTest
    @MethodSource("events")
    void everyEnvelopeValidatesReadsBackEqualAndKeepsItsHash(ProjectEvent event) {
        // a registration is a project's first event, in its own district
        boolean first = event instanceof ProjectRegistered;
        String district = event instanceof ProjectRegistered registered ? registered.district()
                : event instanceof TargetsSet || event instanceof DuplicateDecided ? EventEnvelope.CITY : "120116";
        EventEnvelope envelope = HashChain.seal(UUID.nameUUIDFromBytes(EventCodec.toJsonBytes(event)),
                first ? 0 : 7, Instant.parse("2024-05-07T08:30:00.123456789Z"), "d120116",
                first ? HashChain.GENESIS_PREV_HASH : "a".repeat(64), district, event);
        String json = EventCodec.envelopeToJson(envelope);

        assertThat(validator.validateEnvelope(json)).as(json).isEmpty();
        assertThat(EventCodec.envelopeFromJson(json)).isEqualTo(envelope);
        assertThat(HashChain.hashOfJson(json)).isEqualTo(envelope.hash());
        assertThat(CloudEventHeaders.read(CloudEventHeaders.of(envelope), EventCodec.toJsonBytes(event)))
                .isEqualTo(envelope);
    }

    @Test
    void theSamplesCoverEveryEventType() {
        assertThat(SampleEvents.handPicked()).extracting(ProjectEvent::type)
                .containsAll(EventCodec.types().keySet());
        assertThat(EventCodec.types().keySet()).containsExactlyInAnyOrderElementsOf(
                Stream.of(ProjectEvent.class.getPermittedSubclasses()).map(Class::getSimpleName).toList());
    }

    @Test
    void absentOptionalFieldsAreLeftOutNotNull() {
        ObjectNode tree = EventCodec.toTree(new MilestoneRecorded(SampleEvents.PROJECT, Stage.TALKS,
                LocalDate.of(2024, 5, 7), null, null));

        assertThat(tree.propertyNames()).containsExactly("projectId", "stage", "effectiveDate");
    }

    @Test
    void amountsAreDecimalStringsAsWrittenDatesAreIso() {
        ObjectNode tree = EventCodec.toTree(new InvestmentReported(SampleEvents.PROJECT,
                java.time.YearMonth.of(2024, 3), new BigDecimal("1.5E+3")));
        ObjectNode milestone = EventCodec.toTree(new MilestoneRecorded(SampleEvents.PROJECT, Stage.SIGNED,
                LocalDate.of(2024, 5, 7), new BigDecimal("1500000000.00"), null));

        assertThat(tree.get("cumulativeCompletedCny").isString()).isTrue();
        assertThat(tree.get("cumulativeCompletedCny").asString()).isEqualTo("1500");
        assertThat(tree.get("period").asString()).isEqualTo("2024-03");
        assertThat(milestone.get("amountCny").asString()).isEqualTo("1500000000.00");
        assertThat(milestone.get("effectiveDate").asString()).isEqualTo("2024-05-07");
    }

    @Test
    void aBodyWithoutARequiredFieldIsMalformedNamingTheField() {
        String withoutStage = "{\"projectId\":\"" + SampleEvents.PROJECT + "\",\"effectiveDate\":\"2024-05-07\"}";
        String nullReason = "{\"projectId\":\"" + SampleEvents.PROJECT + "\",\"effectiveDate\":\"2024-05-07\",\"reason\":null}";

        assertThatThrownBy(() -> EventCodec.fromJson("MilestoneRecorded", withoutStage))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("'stage'");
        assertThatThrownBy(() -> EventCodec.fromJson("ProjectSuspended", nullReason))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("'reason'");
    }

    @Test
    void aBodyThatIsNotItsTypeIsMalformed() {
        assertThatThrownBy(() -> EventCodec.fromJson("MilestoneReached", "{}"))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("unknown event type");
        assertThatThrownBy(() -> EventCodec.fromJson("MilestoneRecorded",
                "{\"projectId\":\"" + SampleEvents.PROJECT + "\",\"stage\":\"signed\",\"effectiveDate\":\"2024-05-07\"}"))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> EventCodec.fromJson("MilestoneRecorded",
                "{\"projectId\":\"not-a-uuid\",\"stage\":\"SIGNED\",\"effectiveDate\":\"2024-05-07\"}"))
                .isInstanceOf(MalformedEventException.class);
    }

    @Test
    void unknownBodyFieldsAreIgnoredOnRead() {
        String newer = "{\"projectId\":\"" + SampleEvents.PROJECT + "\",\"stage\":\"SIGNED\","
                + "\"effectiveDate\":\"2024-05-07\",\"addedInV1_1\":\"x\"}";

        assertThat(EventCodec.fromJson("MilestoneRecorded", newer)).isEqualTo(new MilestoneRecorded(
                SampleEvents.PROJECT, Stage.SIGNED, LocalDate.of(2024, 5, 7), null, null));
    }

    @Test
    void envelopeTimeIsWrittenWithExactlyThreeFractionDigitsInUtc() {
        List<String> written = Stream.of("2024-05-07T08:30:00Z", "2024-05-07T08:30:00.1Z", "2024-05-07T08:30:00.999999Z")
                .map(Instant::parse).map(EventTime::truncate).map(EventTime::format).toList();

        assertThat(written).containsExactly("2024-05-07T08:30:00.000Z", "2024-05-07T08:30:00.100Z",
                "2024-05-07T08:30:00.999Z");
    }
}
