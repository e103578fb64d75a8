package io.groundbreak.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written format and parse give exactly the pattern's text and Instant.parse's instants: every stored hash covers that text. */
class EventTimeTest {

    private static final DateTimeFormatter PATTERN =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

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
    void everyInstantIsWrittenAsThePatternWritesIt() {
        long seed = Long.getLong("time.seed", System.nanoTime());
        Random random = new Random(seed);
        long from = Instant.parse("-20000-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("+30000-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            // a third near today, a third in years 0 to 9999, a third anywhere (signs, five digits)
            long seconds = switch (i % 3) {
                case 0 -> 1_700_000_000L + random.nextInt(200_000_000);
                case 1 -> Instant.parse("0000-01-01T00:00:00Z").getEpochSecond()
                        + (long) (random.nextDouble() * 10_000 * 365.2425 * 86_400);
                default -> from + (long) (random.nextDouble() * (to - from));
            };
            Instant instant = Instant.ofEpochSecond(seconds, random.nextInt(1_000_000_000));
            assertThat(EventTime.format(instant)).as("-Dtime.seed=%d replays this", seed).isEqualTo(PATTERN.format(instant));
        }
        for (String edge : new String[] {"0000-01-01T00:00:00Z", "-0001-12-31T23:59:59.999999999Z",
                "9999-12-31T23:59:59.999999999Z", "+10000-01-01T00:00:00Z", "1970-01-01T00:00:00.000999Z",
                "2024-02-29T12:00:00.5Z"}) {
            Instant instant = Instant.parse(edge);
            assertThat(EventTime.format(instant)).as(edge).isEqualTo(PATTERN.format(instant));
        }
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
