package io.groundbreak.kit.text;

/**
 * What a string must hold to be stored and published faithfully: PostgreSQL's {@code text} and
 * {@code jsonb} refuse U+0000, a lone (unpaired) surrogate is no Unicode text at all (it has no UTF-8
 * form and becomes '?' or an error on the way), and a control character in a single-line field (a
 * code, a name, an id) is a copy-and-paste accident that no reader can see. Free text (a note, a
 * reason) may hold tab, line feed and carriage return, nothing else below U+0020.
 * <p>
 * Plain static checks, so that code without Bean Validation (an Excel import, a consumer) can apply
 * the same rules; {@link SingleLine} and {@link FreeText} are the Bean Validation constraints.
 */
public final class TextRules {

    /** Why a text cannot be kept, or {@link #NONE}. */
    public enum Flaw {
        NONE, NUL, LONE_SURROGATE, CONTROL_CHARACTER
    }

    private TextRules() {
    }

    /** A code, name, id or header: no U+0000, no lone surrogate, no C0 control (U+0001–U+001F), no U+007F. */
    public static boolean isSingleLine(String text) {
        return flawOfSingleLine(text) == Flaw.NONE;
    }

    /** A note or reason: no U+0000, no lone surrogate, no C0 control other than tab, line feed and carriage return. */
    public static boolean isFreeText(String text) {
        return flawOfFreeText(text) == Flaw.NONE;
    }

    public static Flaw flawOfSingleLine(String text) {
        return flaw(text, false);
    }

    public static Flaw flawOfFreeText(String text) {
        return flaw(text, true);
    }

    /** Null is no flaw: whether a field is required is another rule's business. */
    private static Flaw flaw(String text, boolean freeText) {
        if (text == null) {
            return Flaw.NONE;
        }
        Flaw found = Flaw.NONE;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return Flaw.NUL;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++; // a pair: one supplementary character (an emoji, a rare CJK ideograph)
                    continue;
                }
                found = worse(found, Flaw.LONE_SURROGATE);
            } else if (Character.isLowSurrogate(c)) {
                found = worse(found, Flaw.LONE_SURROGATE);
            } else if ((c < '\u0020' && !(freeText && (c == '\t' || c == '\n' || c == '\r'))) || c == '\u007f') {
                found = worse(found, Flaw.CONTROL_CHARACTER);
            }
        }
        return found;
    }

    private static Flaw worse(Flaw found, Flaw flaw) {
        return found == Flaw.NONE || flaw.ordinal() < found.ordinal() ? flaw : found;
    }
}
