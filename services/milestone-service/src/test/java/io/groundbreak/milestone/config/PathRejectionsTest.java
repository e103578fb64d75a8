package io.groundbreak.milestone.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PathRejectionsTest {

    @Test
    void namesThePathVariableThatHoldsTheFlaw() {
        assertThat(PathRejections.field("/api/projects/%01abc/suspension")).isEqualTo("projectId");
        assertThat(PathRejections.field("/api/projects/0b6f2c1e-4a57-4c2b-9f7e-3d8a1e5b2c90/milestones/SIG%7FNED/retraction"))
                .isEqualTo("stage");
        assertThat(PathRejections.field("/api/projects/0b6f2c1e-4a57-4c2b-9f7e-3d8a1e5b2c90/milestones/SIGNED/re%0Atraction"))
                .isEqualTo("path");
        assertThat(PathRejections.field("/api/projects//x")).isEqualTo("path");
        assertThat(PathRejections.field(null)).isEqualTo("path");
    }
}
