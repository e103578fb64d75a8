package io.groundbreak.events;

import java.time.Instant;
import java.time.Month;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The one way an envelope's {@code time} is written: UTC, always exactly three fraction digits. */
public final class EventTime {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private EventTime() {
    }

    public static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant);
    }

    public static Instant parse(String text) {
        return Instant.parse(text);
    }

    /**
     * {@code format(parse(text))}, without parsing when the text is already written that way (as every stored time
     * is): a check of its characters costs a fraction of the parse and the format, which took 11 % of the
     * publisher's CPU (infra/bench/ANALYSIS.md).
     */
    public static String normalize(String text) {
        return isFormatted(text) ? text : format(parse(text));
    }

    /** True when the text is a valid instant exactly as {@link #format} writes it: {@code uuuu-MM-ddTHH:mm:ss.SSSZ}. */
    static boolean isFormatted(String text) {
        if (text.length() != 24 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != '.' || text.charAt(23) != 'Z'
                || !digits(text, 0, 4) || !digits(text, 5, 7) || !digits(text, 8, 10) || !digits(text, 11, 13)
                || !digits(text, 14, 16) || !digits(text, 17, 19) || !digits(text, 20, 23)) {
            return false;
        }
        int year = Integer.parseInt(text, 0, 4, 10);
        int month = Integer.parseInt(text, 5, 7, 10);
        int day = Integer.parseInt(text, 8, 10, 10);
        return month >= 1 && month <= 12 && day >= 1 && day <= Month.of(month).length(Year.isLeap(year))
                && Integer.parseInt(text, 11, 13, 10) <= 23 && Integer.parseInt(text, 14, 16, 10) <= 59
                && Integer.parseInt(text, 17, 19, 10) <= 59;
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
