package io.jenkins.plugins.apikey.mask;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShellEncodersTest {

    @Test
    void bashAndAshQuoteEscapes() {
        assertThat(Encoded.of(new ShellQuoteEncoder(), "it's"))
                .containsExactly("it'\\''s", "'it'\\''s'", "it'\"'\"'s", "'it'\"'\"'s'");
        assertThat(Encoded.of(new ShellQuoteEncoder(), "plain-key_1.0")).containsExactly("plain-key_1.0");
    }

    @Test
    void printfQZshAndDoubleQuoteStylesOfBackslashes() {
        assertThat(Encoded.of(new BackslashEncoder(), "#a b$c\"d`e=~f#"))
                .containsExactly(
                        "\\#a\\ b\\$c\\\"d\\`e=\\~f#", "\\#a\\ b\\$c\\\"d\\`e\\=\\~f\\#", "#a b\\$c\\\"d\\`e=~f#");
    }

    @Test
    void ansiCQuotingNamesControlsAndUsesOctalForTheRest() {
        assertThat(Encoded.of(new AnsiCQuoteEncoder(), "a'b\\c\nd\u0001\u001Be"))
                .containsExactly("a\\'b\\\\c\\nd\\001\\Ee");
        assertThat(Encoded.of(new AnsiCQuoteEncoder(), "é")).containsExactly("é", "\\303\\251");
    }

    @Test
    void powerShellDoublesSingleQuotesAndBacktickEscapes() {
        assertThat(Encoded.of(new PowerShellEncoder(), "it's `$x\"")).containsExactly("it''s `$x\"", "it's ```$x`\"");
    }

    @Test
    void windowsBatchCaretsAndPercents() {
        assertThat(Encoded.of(new BatchEncoder(), "a&b|c%d^e")).containsExactly("a^&b^|c%%d^^e");
    }

    @Test
    void dollarDoubled() {
        assertThat(Encoded.of(new DollarEncoder(), "p$ss$")).containsExactly("p$$ss$$");
    }
}
