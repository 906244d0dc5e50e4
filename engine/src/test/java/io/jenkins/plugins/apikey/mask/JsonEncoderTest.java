package io.jenkins.plugins.apikey.mask;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonEncoderTest {

    private final JsonEncoder encoder = new JsonEncoder();

    @Test
    void quotesBackslashesAndControlCharacters() {
        assertThat(encoder.encode("a\"b\\c\nd\te\u0001")).contains("a\\\"b\\\\c\\nd\\te\\u0001");
    }

    @Test
    void asciiOnlyStyleEscapesNonAsciiLikePython() {
        assertThat(encoder.encode("kéy😀")).contains("kéy😀", "k\\u00e9y\\ud83d\\ude00", "k\\u00E9y\\uD83D\\uDE00");
    }

    @Test
    void htmlSafeStyleEscapesLikeGson() {
        assertThat(encoder.encode("a<b>&c='d")).contains("a\\u003cb\\u003e\\u0026c\\u003d\\u0027d");
    }

    @Test
    void slashMayBeEscaped() {
        assertThat(encoder.encode("a/b")).contains("a/b", "a\\/b");
    }
}
