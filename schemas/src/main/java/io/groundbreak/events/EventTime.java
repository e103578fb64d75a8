package io.groundbreak.events;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The one way an envelope's {@code time} is written: UTC, always exactly three fraction digits. */
public final class EventTime {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** 10000-01-01T00:00:00Z: from there on, the year has more than four digits. */
    private static final long LAST_HAND_WRITTEN = 253_402_300_800L;

    private EventTime() {
    }

    public static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * Written by hand from 1970 to 9999 (the hash of every event covers its time: {@link DateTimeFormatter} took a
     * twentieth of a rebuild), by the formatter otherwise.
     */
    public static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < 0 || seconds >= LAST_HAND_WRITTEN) {
            return FORMAT.format(instant);
        }
        LocalDate date = LocalDate.ofEpochDay(seconds / 86_400);
        int secondOfDay = (int) (seconds % 86_400);
        char[] text = "0000-00-00T00:00:00.000Z".toCharArray();
        digits(text, 0, 4, date.getYear());
        digits(text, 5, 7, date.getMonthValue());
        digits(text, 8, 10, date.getDayOfMonth());
        digits(text, 11, 13, secondOfDay / 3_600);
        digits(text, 14, 16, secondOfDay / 60 % 60);
        digits(text, 17, 19, secondOfDay % 60);
        digits(text, 20, 23, instant.getNano() / 1_000_000);
        return new String(text);
    }

    /** Writes {@code value} into {@code text[from, to)}, zero-padded on the left. */
    private static void digits(char[] text, int from, int to, int value) {
        for (int i = to - 1; i >= from; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /**
     * An ISO-8601 instant. The one format {@link #format} writes is read by hand: every consumer and the rebuild parse
     * one per event, and {@link Instant#parse}'s general formatter cost a tenth of a rebuild's time; anything else
     * (another precision, a leap second, a malformed text) goes to {@link Instant#parse}, which accepts or refuses it.
     *
     * @throws java.time.DateTimeException when the text is not an instant
     */
    public static Instant parse(String text) {
        Instant formatted = parseFormatted(text);
        return formatted != null ? formatted : Instant.parse(text);
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
        return parseFormatted(text) != null;
    }

    /** The instant a text written as {@link #format} writes it stands for; null for any other text. */
    private static Instant parseFormatted(String text) {
        if (text.length() != 24 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != '.' || text.charAt(23) != 'Z') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int millis = digits(text, 20, 23);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))
                || hour < 0 || hour >= 24 || minute < 0 || minute >= 60 || second < 0 || second >= 60 || millis < 0) {
            return null;
        }
        long days = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * 86_400 + hour * 3_600 + minute * 60 + second, millis * 1_000_000L);
    }

    /** The decimal number of {@code text[from, to)}, or -1 if a character there is not an ASCII digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
