package io.groundbreak.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.erdtman.jcs.JsonCanonicalizer;
import org.erdtman.jcs.NumberToJSON;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The JCS library against RFC 8785's published examples, both called directly and on the path our
 * hash takes (Jackson tree → text → JCS), so that neither step may alter a value.
 */
class JcsTest {

    /** RFC 8785 section 3.2.2: the input of the serialization example. */
    private static final String RFC_3_2_2_INPUT = """
            {
              "numbers": [333333333.33333329, 1E30, 4.50,
                          2e-3, 0.000000000000000000000000001],
              "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
              "literals": [null, true, false]
            }""";
    /** Its canonical output, section 3.2.3. */
    private static final String RFC_3_2_2_OUTPUT =
            "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                    + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";

    /** RFC 8785 section 3.2.3: property sorting by UTF-16 code units. */
    private static final String RFC_3_2_3_INPUT = """
            {
              "\\u20ac": "Euro Sign",
              "\\r": "Carriage Return",
              "\\ufb33": "Hebrew Letter Dalet With Dagesh",
              "1": "One",
              "\\ud83d\\ude00": "Emoji: Grinning Face",
              "\\u0080": "Control",
              "\\u00f6": "Latin Small Letter O With Diaeresis"
            }""";
    /** The UTF-8 bytes of its canonical output as the RFC prints them. */
    private static final String RFC_3_2_3_OUTPUT_HEX = """
            7b 22 5c 72 22 3a 22 43 61 72 72 69 61 67 65 20 52 65 74 75 72 6e 22 2c 22 31 22 3a 22 4f 6e 65 22 2c
            22 c2 80 22 3a 22 43 6f 6e 74 72 6f 6c 22 2c 22 c3 b6 22 3a 22 4c 61 74 69 6e 20 53 6d 61 6c 6c 20 4c
            65 74 74 65 72 20 4f 20 57 69 74 68 20 44 69 61 65 72 65 73 69 73 22 2c 22 e2 82 ac 22 3a 22 45 75 72
            6f 20 53 69 67 6e 22 2c 22 f0 9f 98 80 22 3a 22 45 6d 6f 6a 69 3a 20 47 72 69 6e 6e 69 6e 67 20 46 61
            63 65 22 2c 22 ef ac b3 22 3a 22 48 65 62 72 65 77 20 4c 65 74 74 65 72 20 44 61 6c 65 74 20 57 69 74
            68 20 44 61 67 65 73 68 22 7d""";

    @Test
    void theSerializationExampleOfSection322() throws IOException {
        assertThat(new JsonCanonicalizer(RFC_3_2_2_INPUT).getEncodedString()).isEqualTo(RFC_3_2_2_OUTPUT);
        assertThat(HashChain.canonicalize(EventCodec.jsonMapper().readTree(RFC_3_2_2_INPUT)))
                .isEqualTo(RFC_3_2_2_OUTPUT);
    }

    @Test
    void theSortingExampleOfSection323() throws IOException {
        byte[] expected = HexFormat.of().parseHex(RFC_3_2_3_OUTPUT_HEX.replaceAll("\\s", ""));

        assertThat(new JsonCanonicalizer(RFC_3_2_3_INPUT).getEncodedUTF8()).isEqualTo(expected);
        assertThat(HashChain.canonicalize(EventCodec.jsonMapper().readTree(RFC_3_2_3_INPUT))
                .getBytes(StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    /** RFC 8785 Appendix B: IEEE 754 bit patterns and their JCS (ECMAScript) serializations. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "0000000000000000, 0",
            "8000000000000000, 0",
            "0000000000000001, 5e-324",
            "8000000000000001, -5e-324",
            "7fefffffffffffff, 1.7976931348623157e+308",
            "ffefffffffffffff, -1.7976931348623157e+308",
            "4340000000000000, 9007199254740992",
            "c340000000000000, -9007199254740992",
            "4430000000000000, 295147905179352830000",
            "44b52d02c7e14af5, 9.999999999999997e+22",
            "44b52d02c7e14af6, 1e+23",
            "44b52d02c7e14af7, 1.0000000000000001e+23",
            "444b1ae4d6e2ef4e, 999999999999999700000",
            "444b1ae4d6e2ef4f, 999999999999999900000",
            "444b1ae4d6e2ef50, 1e+21",
            "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
            "3eb0c6f7a0b5ed8d, 0.000001",
            "41b3de4355555553, 333333333.3333332",
            "41b3de4355555554, 333333333.33333325",
            "41b3de4355555555, 333333333.3333333",
            "41b3de4355555556, 333333333.3333334",
            "41b3de4355555557, 333333333.33333343",
            "becbf647612f3696, -0.0000033333333333333333",
            "43143ff3c1cb0959, 1424953923781206.2"})
    void theNumberSamplesOfAppendixB(String ieee754, String expected) throws IOException {
        double value = Double.longBitsToDouble(Long.parseUnsignedLong(ieee754, 16));

        assertThat(NumberToJSON.serializeNumber(value)).isEqualTo(expected);
        // and as a JSON text goes through Jackson and the canonicalizer, e.g. in a body
        String json = "[" + Double.toString(value) + "]";
        assertThat(new JsonCanonicalizer(json).getEncodedString()).isEqualTo("[" + expected + "]");
        assertThat(HashChain.canonicalize(EventCodec.jsonMapper().readTree(json))).isEqualTo("[" + expected + "]");
    }

    @Test
    void nanAndInfinityHaveNoSerialization() {
        // Appendix B lists them without a result: JCS must refuse them
        assertThatThrownBy(() -> NumberToJSON.serializeNumber(Double.NaN)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> NumberToJSON.serializeNumber(Double.POSITIVE_INFINITY)).isInstanceOf(IOException.class);
    }

    @Test
    void whitespaceAndPropertyOrderDoNotChangeTheCanonicalForm() throws IOException {
        String a = "{ \"b\" : [ 1 , 2.0 ] , \"a\" : { \"y\":\"\\u00e9\", \"x\" : null } }";
        String b = "{\"a\":{\"x\":null,\"y\":\"é\"},\"b\":[1,2]}";

        assertThat(new JsonCanonicalizer(a).getEncodedString()).isEqualTo(b);
        assertThat(new JsonCanonicalizer(b).getEncodedString()).isEqualTo(b);
    }
}
