package io.jenkins.plugins.apikey.mask;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretFormsTest {

    private static final String UUID = "7d1f8a3e-5b2c-4c1e-9f0a-2b3c4d5e6f70";

    @Test
    void emptySecretHasNoForms() {
        assertThat(SecretForms.of("")).isEmpty();
    }

    @Test
    void uuidKeyAlsoUpperCaseAndWithoutDashes() {
        assertThat(SecretForms.of(UUID))
                .contains(
                        UUID,
                        UUID.toUpperCase(),
                        UUID.replace("-", ""),
                        UUID.replace("-", "").toUpperCase());
    }

    @Test
    void formsOfAUuidKeyAreDistinctAndBounded() {
        // literal and its 3 display variants, 3 Base64 cores and 2 endings, 9 Base64-of-Base64,
        // 2 hex, 2 JSON with every character escaped
        assertThat(SecretForms.of(UUID)).hasSize(22);
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

    @Test
    void trailingLineEndsAndBlankLinesAroundTheSecretAreNotPartOfAnyForm() {
        assertThat(SecretForms.of("abcdefgh\r\n")).isEqualTo(SecretForms.of("abcdefgh"));
        assertThat(SecretForms.of("\n \nab cd\n  ef \n\t\n\n")).isEqualTo(SecretForms.of("ab cd\n  ef "));
    }

    @Test
    void shellsDropBackslashesAndCaretsOfAnUnquotedSecret() {
        assertThat(SecretForms.of("foo\\bar\\")).contains("foobar\\");
        assertThat(SecretForms.of("^<^>^(^)^^^&^|")).contains("<>()^&|");
    }

    /** JENKINS-72412: with a minimum of 1, a one-character secret must not turn echo into ec****o. */
    @Test
    void fragmentFormsKeepTheirOwnMinimum() {
        assertThat(SecretForms.of("a".getBytes(StandardCharsets.UTF_8), 1))
                .extracting(form -> new String(form, StandardCharsets.UTF_8))
                .doesNotContain("h", "Y", "YQ", "61");
    }

    @Test
    void formsAreWhatMatchingSeesOfThemWithoutWrapBreaks() {
        String line = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj";
        String pem = "-----BEGIN PRIVATE KEY-----\n" + line + "\n" + line + "\n-----END PRIVATE KEY-----";

        // the line ends after the two 64-column lines are wrap breaks, which matching skips
        assertThat(SecretForms.of(pem))
                .contains("-----BEGIN PRIVATE KEY-----\n" + line + line + "-----END PRIVATE KEY-----");
    }
}
