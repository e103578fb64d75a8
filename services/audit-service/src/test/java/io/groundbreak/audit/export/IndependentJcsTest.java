package io.groundbreak.audit.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The test's own JCS against the canonical form schemas/README.md publishes, and RFC 8785's string rules. */
class IndependentJcsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theReadmesWorkedExampleComesOutByteForByte() {
        String canonical = "{\"data\":{\"amountCny\":\"1500000000.00\",\"effectiveDate\":\"2024-05-07\",\"note\":\"签约仪式在滨海新区举行\","
                + "\"projectId\":\"0b6f2c1e-4a57-4c2b-9f7e-3d8a1e5b2c90\",\"stage\":\"SIGNED\"},\"id\":\"a3d5e7f9-2b4c-4d6e-8f0a-1b3c5d7e9f01\","
                + "\"prevHash\":\"dac6170cbd3c6a28bdc2e4fe6b72c5c81675c9fcae365e23c82f5d020f688c7c\",\"recordedBy\":\"d120116\",\"sequence\":1,"
                + "\"subject\":\"0b6f2c1e-4a57-4c2b-9f7e-3d8a1e5b2c90\",\"time\":\"2024-05-07T08:30:00.123Z\",\"type\":\"MilestoneRecorded\"}";
        String shuffled = "{ \"type\": \"MilestoneRecorded\", \"time\": \"2024-05-07T08:30:00.123Z\", \"sequence\": 1,"
                + " \"subject\": \"0b6f2c1e-4a57-4c2b-9f7e-3d8a1e5b2c90\", \"recordedBy\": \"d120116\","
                + " \"prevHash\": \"dac6170cbd3c6a28bdc2e4fe6b72c5c81675c9fcae365e23c82f5d020f688c7c\","
                + " \"id\": \"a3d5e7f9-2b4c-4d6e-8f0a-1b3c5d7e9f01\", \"data\": {\"stage\": \"SIGNED\","
                + " \"projectId\": \"0b6f2c1e-4a57-4c2b-9f7e-3d8a1e5b2c90\", \"note\": \"\\u7b7e\\u7ea6仪式在滨海新区举行\","
                + " \"effectiveDate\": \"2024-05-07\", \"amountCny\": \"1500000000.00\"}}";

        assertThat(IndependentJcs.canonicalize(JSON.readTree(shuffled))).isEqualTo(canonical);
        assertThat(ExportIT.sha256Hex(canonical)).isEqualTo("eff2b33c170991f84d66aa8d7a4893f97cc67eb986a3859c9a64b3d09ba8e573");
    }

    @Test
    void stringsAreEscapedAsRfc8785Says() {
        assertThat(IndependentJcs.canonicalize(JSON.readTree("\"a\\\"b\\\\c\\/d\\u0001\\n\\u007f\\u2028é😀\"")))
                .isEqualTo("\"a\\\"b\\\\c/d\\u0001\\n\u007f\u2028é😀\"");
    }

    /** Keys sort by UTF-16 code units: U+FB01 (one unit) after U+1F600 (a surrogate pair starting 0xD83D). */
    @Test
    void keysSortByUtf16CodeUnits() {
        assertThat(IndependentJcs.canonicalize(JSON.readTree("{\"\uFB01\":1,\"😀\":2,\"b\":3,\"a\":4,\"A\":5}")))
                .isEqualTo("{\"A\":5,\"a\":4,\"b\":3,\"😀\":2,\"\uFB01\":1}");
    }

    /** Schema 1.3's DuplicateDecided holds a boolean: literals are written as themselves. */
    @Test
    void booleansAreLiterals() {
        assertThat(IndependentJcs.canonicalize(JSON.readTree("{\"same\" : false, \"a\": [true]}")))
                .isEqualTo("{\"a\":[true],\"same\":false}");
    }
}
