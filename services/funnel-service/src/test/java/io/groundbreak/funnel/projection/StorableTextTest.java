package io.groundbreak.funnel.projection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StorableTextTest {

    @Test
    void nulIsShownAsTheSymbolForNullAndEverythingElseIsKept() {
        assertThat(StorableText.of("a\u0000b\u0000")).isEqualTo("a\u2400b\u2400");
        assertThat(StorableText.of("动力电池基地 \u0001\t\uD83D\uDE00")).isEqualTo("动力电池基地 \u0001\t\uD83D\uDE00");
        assertThat(StorableText.of(null)).isNull();
        assertThat(StorableText.of("")).isEmpty();
    }
}
