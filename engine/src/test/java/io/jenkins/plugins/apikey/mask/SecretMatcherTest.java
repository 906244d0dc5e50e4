package io.jenkins.plugins.apikey.mask;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SecretMatcherTest {

    private static final String KEY = "7d1f8a3e-5b2c-4c1e-9f0a-2b3c4d5e6f70";

    @Test
    void reportsTooShortSecretsAndShortLinesByPositionOnly() {
        SecretMatcher matcher = SecretMatcher.compile(List.of(KEY, "abc", "", "long enough line\nab\n"));

        assertThat(matcher.unmaskable())
                .containsExactly(
                        new UnmaskableSecret(1, UnmaskableSecret.Reason.TOO_SHORT),
                        new UnmaskableSecret(3, UnmaskableSecret.Reason.SHORT_LINES));
        assertThat(matcher.unmaskable().toString()).doesNotContain("abc", "long enough");
    }

    @Test
    void toStringNamesCountsNotSecrets() {
        String text = SecretMatcher.compile(List.of(KEY)).toString();

        assertThat(text).contains("forms").doesNotContain(KEY).doesNotContain(KEY.substring(0, 8));
    }

    @Test
    void nullSecretsAreIgnoredLikeEmptyOnes() {
        List<String> secrets = new ArrayList<>();
        secrets.add(null);
        secrets.add(KEY);

        assertThat(SecretMatcher.compile(secrets).mask("x" + KEY)).isEqualTo("x****");
    }

    @Test
    void thousandKeysSerializeWellUnderFourMegabytes() throws IOException {
        Random random = new Random(42);
        List<String> secrets = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            secrets.add(new UUID(random.nextLong(), random.nextLong()).toString());
        }
        SecretMatcher matcher = SecretMatcher.compile(secrets);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(matcher);
        }

        // 22 forms each (SecretFormsTest), both Base64 alphabets agreeing for hex digits and dashes
        assertThat(matcher.formCount()).isEqualTo(22_000);
        assertThat(bytes.size()).isLessThan(4 * 1024 * 1024);
    }

    @Test
    void longestFormBoundsTheHoldBack() {
        SecretMatcher matcher = SecretMatcher.compile(List.of("a&b&c&d"));

        // the longest form is JSON with every character escaped: 6 bytes each
        assertThat(matcher.longestForm()).isEqualTo(6 * "a&b&c&d".length());
    }
}
