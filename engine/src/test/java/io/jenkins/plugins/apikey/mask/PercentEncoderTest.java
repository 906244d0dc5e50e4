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
        assertThat(encoder.encode("a b/c~"))
                .contains("a+b%2Fc~", "a%20b%2Fc~", "a+b%2fc~", "a%20b%2fc~", "a+b%2Fc%7E", "a%20b%2fc%7e");
    }

    @Test
    void multiByteCharactersAreEncodedPerUtf8Byte() {
        assertThat(encoder.encode("ü")).contains("%C3%BC", "%c3%bc");
    }

    @Test
    void unreservedOnlyKeyEncodesToItself() {
        assertThat(encoder.encode("abc-DEF_123.x")).containsOnly("abc-DEF_123.x");
    }

    @Test
    void javaUrlEncoderOutputIsOneOfTheForms() {
        forAll(1000, Gen.unicode(0, 20), value -> assertThat(encoder.encode(value))
                .contains(URLEncoder.encode(value, StandardCharsets.UTF_8)));
    }
}
