package io.groundbreak.kit.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.kit.text.TextRules.Flaw;
import org.junit.jupiter.api.Test;

class TextRulesTest {

    @Test
    void ordinaryTextChineseAndEmojiAreKept() {
        for (String text : new String[] {"TJ-BH-2024-001", "动力电池基地", "某某新能源集团 🚀🔋", "𠀀𪚥 (CJK Extension B)", "", " "}) {
            assertThat(TextRules.isSingleLine(text)).as(text).isTrue();
            assertThat(TextRules.isFreeText(text)).as(text).isTrue();
        }
        assertThat(TextRules.isSingleLine(null)).isTrue();
        assertThat(TextRules.isFreeText(null)).isTrue();
    }

    @Test
    void nulIsRefusedEverywhere() {
        assertThat(TextRules.flawOfSingleLine("动力\u0000电池")).isEqualTo(Flaw.NUL);
        assertThat(TextRules.flawOfFreeText("\u0000")).isEqualTo(Flaw.NUL);
        assertThat(TextRules.flawOfFreeText("reason\n\u0000")).isEqualTo(Flaw.NUL);
    }

    @Test
    void loneSurrogatesAreRefusedWhereverTheyStand() {
        assertThat(TextRules.flawOfSingleLine("\ud800")).isEqualTo(Flaw.LONE_SURROGATE);
        assertThat(TextRules.flawOfSingleLine("a\udc00b")).isEqualTo(Flaw.LONE_SURROGATE);
        assertThat(TextRules.flawOfSingleLine("end\ud83d")).isEqualTo(Flaw.LONE_SURROGATE);
        assertThat(TextRules.flawOfFreeText("\udfff\ud800")).isEqualTo(Flaw.LONE_SURROGATE);
        assertThat(TextRules.flawOfSingleLine("🚀\ud83d")).isEqualTo(Flaw.LONE_SURROGATE);
        // NUL outranks any other flaw, wherever it stands
        assertThat(TextRules.flawOfSingleLine("\ud800\u0001\u0000")).isEqualTo(Flaw.NUL);
    }

    @Test
    void singleLineFieldsTakeNoControlCharacterFreeTextTakesTabAndLineBreaks() {
        for (char c = 1; c < 0x20; c++) {
            assertThat(TextRules.flawOfSingleLine("x" + c + "y")).as("U+%04X", (int) c).isEqualTo(Flaw.CONTROL_CHARACTER);
            boolean allowed = c == '\t' || c == '\n' || c == '\r';
            assertThat(TextRules.isFreeText("x" + c + "y")).as("U+%04X", (int) c).isEqualTo(allowed);
        }
        assertThat(TextRules.flawOfSingleLine("x\u007fy")).isEqualTo(Flaw.CONTROL_CHARACTER);
        assertThat(TextRules.isFreeText("第一行\r\n第二行\t完")).isTrue();
        // C1 controls and other format characters are Unicode text PostgreSQL keeps: not this rule's business
        assertThat(TextRules.isSingleLine("x\u0085\u200by")).isTrue();
    }
}
