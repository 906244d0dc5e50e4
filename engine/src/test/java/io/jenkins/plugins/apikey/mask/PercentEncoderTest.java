package io.jenkins.plugins.apikey.mask;

import static io.jenkins.plugins.apikey.testing.PropertyCheck.forAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.apikey.testing.Gen;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PercentEncoderTest {

    private final PercentEncoder encoder = new PercentEncoder();

    @Test
    void upperAndLowerHexAndBothSpaceStyles() {
        assertThat(Encoded.of(encoder, "a b/c~"))
                .contains("a+b%2Fc~", "a%20b%2Fc~", "a+b%2fc~", "a%20b%2fc~", "a+b%2Fc%7E", "a%20b%2fc%7e");
    }

    @Test
    void multiByteCharactersAreEncodedPerUtf8Byte() {
        assertThat(Encoded.of(encoder, "ü")).contains("%C3%BC", "%c3%bc");
    }

    @Test
    void unreservedOnlyKeyEncodesToItself() {
        assertThat(Encoded.of(encoder, "abc-DEF_123.x")).containsOnly("abc-DEF_123.x");
    }

    @Test
    void everyChoiceOfKeptReservedCharactersWhenThereAreFew() {
        // three distinct reserved characters: 2^3 choices, each in both hex cases
        assertThat(Encoded.of(encoder, "a/b:c@d"))
                .contains("a/b:c@d", "a%2Fb:c@d", "a/b%3Ac@d", "a/b:c%40d", "a%2fb%3ac%40d", "a%2Fb%3Ac%40d")
                .hasSize(16);
    }

    @Test
    void librarySafeSetsWhenThereAreMany() {
        String value = "p/q:r@s!t$u&v";

        assertThat(Encoded.of(encoder, value))
                .contains(
                        "p%2Fq%3Ar%40s%21t%24u%26v", // encodeURIComponent, RFC 3986
                        "p/q%3Ar%40s%21t%24u%26v", // Python quote()
                        "p/q:r@s!t$u&v", // encodeURI
                        "p%2Fq%3Ar%40s!t%24u%26v"); // encodeURIComponent keeps !
    }

    @Test
    void javaUrlEncoderOutputIsOneOfTheForms() {
        forAll(1000, Gen.unicode(0, 20), value -> assertThat(Encoded.of(encoder, value))
                .contains(URLEncoder.encode(value, StandardCharsets.UTF_8)));
    }
}
