package io.groundbreak.funnel.projection;

/**
 * Text as the read model stores it. PostgreSQL cannot hold U+0000 in {@code text}; an event carrying one (from an
 * older producer or another one: milestone-service refuses it at the door) would fail forever. The read model is a
 * view, so U+0000 is shown as U+2400 (SYMBOL FOR NULL, ␀) instead; the event itself, with its hash, stays as it
 * is on the topic and in audit-service's ledger. Every other character is kept.
 */
public final class StorableText {

    public static final char NUL = '\u0000';
    public static final char SHOWN_AS = '\u2400';

    private StorableText() {
    }

    /** {@code text} with every U+0000 replaced by U+2400; null stays null. */
    public static String of(String text) {
        return text == null || text.indexOf(NUL) < 0 ? text : text.replace(NUL, SHOWN_AS);
    }
}
