package io.groundbreak.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EventTimeTest {

    @Test
    void normalizeGivesWhatParsingAndFormattingGiveForWrittenTimes() {
        Random random = new Random(18);
        for (int i = 0; i < 100_000; i++) {
            // from year 0 to 9999: every year the format writes with four digits
            Instant instant = Instant.ofEpochMilli(-62_167_219_200_000L + (long) (random.nextDouble() * 315_537_897_600_000L));
            String written = EventTime.format(instant);
            assertThat(EventTime.isFormatted(written)).as(written).isTrue();
            assertThat(EventTime.normalize(written)).isSameAs(written).isEqualTo(EventTime.format(EventTime.parse(written)));
        }
    }

    @Test
    void textWrittenAnotherWayIsParsedAndWrittenAgain() {
        for (String text : new String[] {"2024-05-07T08:30:00Z", "2024-05-07T08:30:00.123456Z", "2024-05-07T08:30:00.1Z",
                "2024-05-07T10:30:00.123+02:00", "2016-12-31T23:59:60.000Z"}) {
            assertThat(EventTime.isFormatted(text)).as(text).isFalse();
            assertThat(EventTime.normalize(text)).as(text).isEqualTo(EventTime.format(EventTime.parse(text)));
        }
        assertThat(EventTime.normalize("2024-05-07T08:30:00Z")).isEqualTo("2024-05-07T08:30:00.000Z");
    }

    @Test
    void anImpossibleDateOrTimeIsRefusedAsParsingRefusesIt() {
        for (String text : new String[] {"2024-13-07T08:30:00.123Z", "2023-02-29T08:30:00.123Z", "2024-04-31T08:30:00.123Z",
                "2024-05-00T08:30:00.123Z", "2024-05-07T24:30:00.123Z", "2024-05-07T08:60:00.123Z",
                "2024-05-07T08:30:61.123Z", "2024-05-07T08:30:00.12xZ", "2024-05-07 08:30:00.123Z"}) {
            assertThat(EventTime.isFormatted(text)).as(text).isFalse();
            assertThatThrownBy(() -> EventTime.normalize(text)).as(text).isInstanceOf(DateTimeException.class);
        }
        assertThat(EventTime.isFormatted("2024-02-29T23:59:59.999Z")).isTrue();
    }
}
