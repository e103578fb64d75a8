package io.groundbreak.events.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.events.CloudEventHeaders;
import io.groundbreak.events.EventCodec;
import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.HashChain;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The golden history, replayed as Kafka records, through the checker: intact, redelivered, broken. */
class ChainCheckerTest {

    private List<EventEnvelope> history;
    private ChainChecker checker;

    @BeforeEach
    void load() throws IOException, URISyntaxException {
        Path dir = Path.of(getClass().getResource("/golden").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            history = files.sorted().map(ChainCheckerTest::envelope).toList();
        }
        checker = new ChainChecker(EventSchemaValidator.v1());
    }

    @Test
    void anIntactHistoryHasNoProblemAndARedeliveryIsNone() {
        history.forEach(e -> assertThat(accept(e, CloudEventHeaders.of(e))).isEmpty());
        assertThat(accept(history.get(3), CloudEventHeaders.of(history.get(3)))).isEmpty();

        assertThat(checker.records()).isEqualTo(history.size() + 1);
        assertThat(checker.projects()).isOne();
        assertThat(checker.length(history.get(0).subject().toString())).isEqualTo(history.size());
    }

    /**
     * Schema 1.2: a year's plan stream (TargetsSet from sequence 0, ce_source /city), schema 1.3: a pair's stream
     * (DuplicateDecided, the same) and a project with change requests, each checked like a project's.
     */
    @ParameterizedTest
    @ValueSource(strings = {"/golden-schema-1.2", "/golden-schema-1.3-duplicates", "/golden-schema-1.3-requests"})
    void theCitysStreamsAndTheRequestsAreChainsToo(String folder) throws IOException, URISyntaxException {
        Path dir = Path.of(getClass().getResource(folder).toURI());
        List<EventEnvelope> stream;
        try (Stream<Path> files = Files.list(dir)) {
            stream = files.sorted().map(ChainCheckerTest::envelope).toList();
        }

        stream.forEach(e -> assertThat(accept(e, CloudEventHeaders.of(e))).isEmpty());
        assertThat(checker.length(stream.get(0).subject().toString())).isEqualTo(stream.size());
    }

    @Test
    void aGapIsAProblemOfTheSequence() {
        accept(history.get(0), CloudEventHeaders.of(history.get(0)));

        assertThat(accept(history.get(2), CloudEventHeaders.of(history.get(2))))
                .extracting(SchemaProblem::field).containsExactly(CloudEventHeaders.SEQUENCE);
    }

    @Test
    void aLinkToAnotherEventIsAProblemOfThePrevHash() {
        accept(history.get(0), CloudEventHeaders.of(history.get(0)));
        EventEnvelope second = history.get(1);
        // resealed on a wrong predecessor: a valid record on its own, but not this chain's next link
        EventEnvelope relinked = HashChain.seal(second.id(), 1, second.time(), second.recordedBy(),
                "b".repeat(64), second.district(), second.data());

        assertThat(accept(relinked, CloudEventHeaders.of(relinked)))
                .extracting(SchemaProblem::field).containsExactly(CloudEventHeaders.PREV_HASH);
    }

    @Test
    void theSameSequenceWithAnotherHashIsAFork() {
        accept(history.get(0), CloudEventHeaders.of(history.get(0)));
        accept(history.get(1), CloudEventHeaders.of(history.get(1)));
        EventEnvelope second = history.get(1);
        EventEnvelope fork = HashChain.seal(second.id(), 1, second.time().plusMillis(1), second.recordedBy(),
                second.prevHash(), second.district(), second.data());

        assertThat(accept(fork, CloudEventHeaders.of(fork)))
                .extracting(SchemaProblem::field).containsExactly(CloudEventHeaders.HASH);
    }

    @Test
    void anAlteredBodyIsAProblemOfTheHashOnce() {
        EventEnvelope first = history.get(0);
        Map<String, String> headers = new LinkedHashMap<>(CloudEventHeaders.of(first));
        byte[] altered = EventCodec.toJson(first.data()).replace("高端", "低端").getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertThat(checker.accept(first.subject().toString(), headers, altered))
                .extracting(SchemaProblem::field).containsExactly(CloudEventHeaders.HASH);
        assertThat(accept(history.get(1), CloudEventHeaders.of(history.get(1)))).isEmpty();
    }

    private List<SchemaProblem> accept(EventEnvelope envelope, Map<String, String> headers) {
        return checker.accept(envelope.subject().toString(), headers, EventCodec.toJsonBytes(envelope.data()));
    }

    private static EventEnvelope envelope(Path file) {
        try {
            return EventCodec.envelopeFromJson(EventCodec.jsonMapper().readTree(Files.readString(file)).get("envelope").toString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
