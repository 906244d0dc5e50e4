package io.jenkins.plugins.apikey.mask;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShellEncodersTest {

    @Test
    void bashAndAshQuoteEscapes() {
        assertThat(new ShellQuoteEncoder().encode("it's")).containsExactly("it'\\''s", "it'\"'\"'s");
    }

    @Test
    void backslashEscapesMetacharactersOrDoubleQuoteSpecials() {
        assertThat(new BackslashEncoder().encode("a b$c\"d`e"))
                .containsExactly("a\\ b\\$c\\\"d\\`e", "a b\\$c\\\"d\\`e");
    }

    @Test
    void windowsBatchCaretsAndPercents() {
        assertThat(new BatchEncoder().encode("a&b|c%d^e")).containsExactly("a^&b^|c%%d^^e");
    }

    @Test
    void dollarDoubled() {
        assertThat(new DollarEncoder().encode("p$ss$")).containsExactly("p$$ss$$");
    }
}
