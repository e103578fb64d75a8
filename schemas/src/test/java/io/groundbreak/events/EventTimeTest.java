package io.groundbreak.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written format gives exactly the pattern's text, which every stored hash was computed with. */
class EventTimeTest {

    private static final DateTimeFormatter PATTERN =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

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
}
