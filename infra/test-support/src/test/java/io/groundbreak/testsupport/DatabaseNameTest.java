package io.groundbreak.testsupport;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseNameTest {

    @Test
    void keepsASimplePrefix() {
        assertThat(TestInfrastructure.databaseName("funnel", "0a1b2c")).isEqualTo("funnel_0a1b2c");
    }

    @Test
    void makesAnyPrefixASafeLowerCaseIdentifierOfAtMost63Bytes() {
        String name = TestInfrastructure.databaseName("9 Funnel-Service; DROP TABLE x" + "y".repeat(100), "0a1b2c3d4e5f");

        assertThat(name).matches("[a-z][a-z0-9_]*").hasSizeLessThanOrEqualTo(63).startsWith("t_9_funnel_service__drop");
    }

    @Test
    void anEmptyPrefixStillGivesAName() {
        assertThat(TestInfrastructure.databaseName("", "ab")).isEqualTo("t__ab");
    }
}
