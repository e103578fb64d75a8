package io.groundbreak.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.Random;
import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The direct writer gives exactly the JCS library's text wherever it answers, and leaves the rest to it. */
class CanonicalJsonTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Characters that JCS treats specially, beside plain letters: escapes, controls, non-BMP, non-ASCII. */
    private static final String SPECIAL = "\"\\/\b\f\n\r\t\u0000\u001f\u007f\u0080é€\ufb33\ud83d\ude00区";

    @Test
    void randomTreesCanonicaliseAsTheLibraryDoes() throws IOException {
        long seed = Long.getLong("jcs.seed", System.nanoTime());
        Random random = new Random(seed);
        int direct = 0;
        for (int i = 0; i < 2_000; i++) {
            JsonNode tree = object(random, 3);
            String library = new JsonCanonicalizer(EventCodec.jsonMapper().writeValueAsString(tree)).getEncodedString();
            var written = CanonicalJson.write(tree);
            if (written.isPresent()) {
                direct++;
                assertThat(written.get()).as("-Djcs.seed=%d replays this; tree %s", seed, tree).isEqualTo(library);
            }
            assertThat(HashChain.canonicalize(tree)).as("-Djcs.seed=%d replays this", seed).isEqualTo(library);
        }
        assertThat(direct).as("most trees hold no fraction: the direct path is taken").isGreaterThan(1_000);
    }

    @Test
    void numbersBeyondItsRangeAndLoneSurrogatesAreLeftToTheLibrary() {
        assertThat(CanonicalJson.write(NODES.arrayNode().add(1.5))).isEmpty();
        assertThat(CanonicalJson.write(NODES.arrayNode().add((1L << 53) + 1))).isEmpty();
        assertThat(CanonicalJson.write(NODES.arrayNode().add("\ud83d"))).isEmpty();
        assertThat(CanonicalJson.write(NODES.arrayNode().add(1L << 53).add(-(1L << 53)))).contains("[9007199254740992,-9007199254740992]");
    }

    @Test
    void everySampleEventIsWrittenDirectly() throws IOException {
        List<ProjectEvent> events = new ArrayList<>(SampleEvents.handPicked());
        events.addAll(SampleEvents.random(5, 500));
        for (ProjectEvent event : events) {
            EventEnvelope envelope = HashChain.seal(UUID.randomUUID(), 3, Instant.parse("2024-05-07T08:30:00.123Z"),
                    "d120116", HashChain.GENESIS_PREV_HASH, "120116", event);
            String library = new JsonCanonicalizer(EventCodec.jsonMapper()
                    .writeValueAsString(HashChain.hashedFields(envelope))).getEncodedString();
            assertThat(CanonicalJson.write(HashChain.hashedFields(envelope))).as(event.type()).contains(library);
        }
    }

    private static ObjectNode object(Random random, int depth) {
        ObjectNode node = NODES.objectNode();
        for (int i = random.nextInt(6); i > 0; i--) {
            node.set(text(random), value(random, depth - 1));
        }
        return node;
    }

    private static JsonNode value(Random random, int depth) {
        int kind = random.nextInt(depth > 0 ? 9 : 7);
        return switch (kind) {
            case 0 -> NODES.textNode(text(random));
            case 1 -> NODES.numberNode(random.nextInt());
            case 2 -> NODES.numberNode(random.nextLong() >> random.nextInt(64));
            case 3 -> random.nextInt(20) == 0 ? NODES.numberNode(random.nextDouble() * 1e6) : NODES.textNode(text(random));
            case 4 -> NODES.booleanNode(random.nextBoolean());
            case 5 -> NODES.nullNode();
            case 6 -> NODES.textNode(String.valueOf(random.nextInt(1000)));
            case 7 -> object(random, depth);
            default -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(value(random, depth - 1));
                }
                yield array;
            }
        };
    }

    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(8); i > 0; i--) {
            if (random.nextInt(3) == 0) {
                int at = random.nextInt(SPECIAL.length());
                char c = SPECIAL.charAt(at);
                text.append(Character.isHighSurrogate(c) ? SPECIAL.substring(at, at + 2)
                        : Character.isLowSurrogate(c) ? "x" : String.valueOf(c));
            } else {
                text.append((char) ('a' + random.nextInt(26)));
            }
        }
        return text.toString();
    }
}
