package io.jenkins.plugins.apikey.mask;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretFormsTest {

    @Test
    void singleLineSecretHasNoLineVariants() {
        assertThat(SecretForms.variants("abc")).containsExactly("abc");
    }

    @Test
    void multiLineSecretAddsEachLineAndBothLineEndings() {
        assertThat(SecretForms.variants("one\r\ntwo\nthree\n"))
                .containsExactlyInAnyOrder(
                        "one\r\ntwo\nthree\n", "one\ntwo\nthree", "one\r\ntwo\r\nthree", "one", "two", "three");
    }

    @Test
    void emptySecretHasNoForms() {
        assertThat(SecretForms.of("")).isEmpty();
    }

    @Test
    void formsOfAUuidKeyAreFewAndDistinct() {
        assertThat(SecretForms.of("7d1f8a3e-5b2c-4c1e-9f0a-2b3c4d5e6f70"))
                .contains("7d1f8a3e-5b2c-4c1e-9f0a-2b3c4d5e6f70")
                .hasSizeLessThanOrEqualTo(7);
    }

    @Test
    void multiLineJsonFormIsIncluded() {
        assertThat(SecretForms.of("line-one\nline-two")).contains("line-one\\nline-two", "line-one\\r\\nline-two");
    }

    @Test
    void base64OfTheLfJoinedValueIsIncluded() {
        String value = "first-line\r\nsecond-line";
        byte[] joined = "first-line\nsecond-line".getBytes(StandardCharsets.UTF_8);
        String encoded = Base64.getEncoder().encodeToString(joined);

        // 22 bytes: the 29 leading characters depend on the value alone
        assertThat(SecretForms.of(value)).contains(encoded.substring(0, 8 * joined.length / 6));
    }
}
