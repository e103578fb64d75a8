package io.groundbreak.audit.periods.close;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class CloseStatusTest {

    private static final LocalDate DEADLINE = LocalDate.parse("2025-02-05");

    @Test
    void theDeadlineDayEndsAtMidnightInTheCity() {
        assertThat(CloseStatus.of(Optional.of(Instant.parse("2025-02-01T00:00:00Z")), DEADLINE)).isEqualTo(CloseStatus.ON_TIME);
        // 23:59:59 on the 5th in Asia/Shanghai
        assertThat(CloseStatus.of(Optional.of(Instant.parse("2025-02-05T15:59:59Z")), DEADLINE)).isEqualTo(CloseStatus.ON_TIME);
        // midnight: the 6th
        assertThat(CloseStatus.of(Optional.of(Instant.parse("2025-02-05T16:00:00Z")), DEADLINE)).isEqualTo(CloseStatus.LATE);
        assertThat(CloseStatus.of(Optional.empty(), DEADLINE)).isEqualTo(CloseStatus.NOT_CLOSED);
    }

    @Test
    void answeredInLowerCaseWithHyphens() {
        assertThat(JsonMapper.builder().build().writeValueAsString(CloseStatus.values()))
                .isEqualTo("[\"on-time\",\"late\",\"not-closed\"]");
    }
}
