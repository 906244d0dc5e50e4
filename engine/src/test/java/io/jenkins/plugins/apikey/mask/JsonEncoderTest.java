package io.jenkins.plugins.apikey.mask;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonEncoderTest {

    private final JsonEncoder encoder = new JsonEncoder();

    @Test
    void quotesBackslashesAndControlCharacters() {
        assertThat(Encoded.of(encoder, "a\"b\\c\nd\te\u0001")).contains("a\\\"b\\\\c\\nd\\te\\u0001");
    }

    @Test
    void asciiOnlyStyleEscapesNonAsciiLikePython() {
        assertThat(Encoded.of(encoder, "kéy😀"))
                .contains("kéy😀", "k\\u00e9y\\ud83d\\ude00", "k\\u00E9y\\uD83D\\uDE00");
    }

    @Test
    void htmlSafeStyleEscapesLikeGson() {
        assertThat(Encoded.of(encoder, "a<b>&c='d")).contains("a\\u003cb\\u003e\\u0026c\\u003d\\u0027d");
    }

    @Test
    void slashMayBeEscaped() {
        assertThat(Encoded.of(encoder, "a/b")).contains("a/b", "a\\/b");
    }

    @Test
    void everyCharacterEscapedInBothCases() {
        assertThat(Encoded.of(encoder, "k-Z")).contains("\\u006b\\u002d\\u005a", "\\u006B\\u002D\\u005A");
    }

    @Test
    void bytesThatAreNotUtf8StayAsTheyAreAndEscapeAsLatin1() {
        byte[] latin1 = {'k', (byte) 0xE9, 'y'};

        assertThat(encoder.encode(latin1))
                .extracting(form -> new String(form, StandardCharsets.ISO_8859_1))
                .contains("k\u00e9y", "k\\u00e9y");
    }
}
