package io.jenkins.plugins.apikey.mask;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SecretLinesTest {

    private static String unit(String line) {
        byte[] unit = SecretLines.unit(line.getBytes(StandardCharsets.UTF_8));
        return unit == null ? null : new String(unit, StandardCharsets.UTF_8);
    }

    @Test
    void linesSplitAtEveryKindOfLineEnd() {
        assertThat(SecretLines.lines("a\r\nb\nc\rd".getBytes(StandardCharsets.UTF_8)))
                .extracting(line -> new String(line, StandardCharsets.UTF_8))
                .containsExactly("a", "b", "c", "d");
    }

    @Test
    void emptyBlankAndStructuralLinesAreNeverMaskedAlone() {
        assertThat(unit("")).isNull();
        assertThat(unit(" \t ")).isNull();
        assertThat(unit("-----BEGIN OPENSSH PRIVATE KEY-----")).isNull();
        assertThat(unit("---")).isNull();
        assertThat(unit("[default]")).isNull();
        assertThat(unit("  },")).isNull();
    }

    @Test
    void settingsWithPlainValuesStayReadable() {
        assertThat(unit("region = us-east-1")).isNull();
        assertThat(unit("  \"type\": \"service_account\",")).isNull();
        assertThat(unit("output=json")).isNull();
    }

    @Test
    void settingsWithSecretValuesMaskTheValue() {
        assertThat(unit("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"))
                .isEqualTo("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        assertThat(unit("  \"private_key_id\": \"3f2a9c0d1e5b7a8c9d0e1f2a\",")).isEqualTo("3f2a9c0d1e5b7a8c9d0e1f2a");
        assertThat(unit("token: Abc")).isEqualTo("Abc");
    }

    @Test
    void otherLinesAreMaskedWholeAndTrimmed() {
        assertThat(unit("  MIIEvQIBADANBgkqhkiG9w0BAQEFAASC==  ")).isEqualTo("MIIEvQIBADANBgkqhkiG9w0BAQEFAASC==");
        assertThat(unit("asdf")).isEqualTo("asdf");
        assertThat(unit("p@ss:word")).isEqualTo("p@ss:word");
    }
}
