package io.groundbreak.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EventTimeTest {

    @Test
    void readsWhatItWritesAsInstantParseDoes() {
        Random random = new Random(18);
        for (int i = 0; i < 10_000; i++) {
            // from 1970 to 2100, leap days and month ends included
            Instant instant = Instant.ofEpochMilli((long) (random.nextDouble() * 4_102_444_800_000L));
            String text = EventTime.format(instant);
            assertThat(EventTime.parse(text)).as(text).isEqualTo(Instant.parse(text)).isEqualTo(instant);
        }
        assertThat(EventTime.parse("2024-02-29T23:59:59.999Z")).isEqualTo(Instant.parse("2024-02-29T23:59:59.999Z"));
    }

    @Test
    void writesAsItsFormatterDoes() {
        DateTimeFormatter formatter = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
                .withZone(ZoneOffset.UTC);
        Random random = new Random(18);
        for (int i = 0; i < 10_000; i++) {
            // before 1970 and after 9999 too, with nanoseconds the format cuts
            Instant instant = Instant.ofEpochSecond((long) ((random.nextDouble() - 0.1) * 300_000_000_000L),
                    random.nextInt(1_000_000_000));
            assertThat(EventTime.format(instant)).isEqualTo(formatter.format(instant));
        }
        assertThat(EventTime.format(Instant.parse("2024-02-29T23:59:59.999999Z"))).isEqualTo("2024-02-29T23:59:59.999Z");
    }

    @Test
    void leavesAnyOtherTextToInstantParse() {
        for (String text : new String[] {"2024-03-01T08:00:00Z", "2024-03-01T08:00:00.123456Z",
                "2016-12-31T23:59:60.000Z", "2024-03-01T24:00:00.000Z", "+12024-03-01T08:00:00.000Z"}) {
            assertThat(EventTime.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
        for (String text : new String[] {"2023-02-29T08:00:00.000Z", "2024-13-01T08:00:00.000Z",
                "2024-03-01T08:60:00.000Z", "2024-03-01T08:00:00.0x0Z", "2024-03-01 08:00:00.000Z", ""}) {
            assertThatThrownBy(() -> EventTime.parse(text)).as(text).isInstanceOf(DateTimeException.class);
        }
    }

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
