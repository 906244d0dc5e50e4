package io.jenkins.plugins.apikey.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SecretTextTest {

    private static String text(String value) throws CharacterCodingException {
        return SecretText.fromFileBytes(value.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void dropsOneFinalLineEndOnly() throws CharacterCodingException {
        assertThat(text("key\n")).isEqualTo("key");
        assertThat(text("key\r\n")).isEqualTo("key");
        assertThat(text("key\n\n")).isEqualTo("key\n");
        assertThat(text("multi\nline")).isEqualTo("multi\nline");
        assertThat(text("clé€")).isEqualTo("clé€");
    }

    @Test
    void refusesBytesThatAreNotUtf8() {
        assertThatThrownBy(() -> SecretText.fromFileBytes(new byte[] {'k', (byte) 0xC3, (byte) 0x28}))
                .isInstanceOf(CharacterCodingException.class);
    }
}
