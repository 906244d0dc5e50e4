package io.jenkins.plugins.apikey.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class KeyHistoryTest {

    private static final Instant T1 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T2 = Instant.parse("2026-02-01T00:00:00Z");
    private static final Instant T3 = Instant.parse("2026-03-01T00:00:00Z");
    private static final KeyFingerprint FINGERPRINT =
            new KeyFingerprint("installation-secret-key".getBytes(StandardCharsets.UTF_8));

    @Test
    void firstSightingThenUnchangedThenRotated() {
        KeyHistory first = KeyHistory.observe(null, FINGERPRINT.of("old-key-value"), T1);
        KeyHistory same = KeyHistory.observe(first, FINGERPRINT.of("old-key-value"), T2);
        KeyHistory rotated = KeyHistory.observe(same, FINGERPRINT.of("new-key-value"), T3);

        assertThat(first).isEqualTo(new KeyHistory(FINGERPRINT.of("old-key-value"), T1, null));
        assertThat(same).isSameAs(first);
        assertThat(rotated.firstSeen()).isEqualTo(T1);
        assertThat(rotated.lastRotated()).isEqualTo(T3);
    }

    @Test
    void fingerprintsAreKeyedSoTheyAreNeitherTheValueNorItsPlainHash() throws Exception {
        String value = "3f2b8c1e-7d4a-4b9e-a1c2-5e6f7a8b1d07";
        String plainHash = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        KeyFingerprint other = new KeyFingerprint("another-installation-key".getBytes(StandardCharsets.UTF_8));

        assertThat(FINGERPRINT.of(value))
                .isEqualTo(FINGERPRINT.of(value))
                .hasSize(64)
                .isNotEqualTo(plainHash);
        assertThat(FINGERPRINT.of(value)).doesNotContain(value).isNotEqualTo(other.of(value));
        assertThat(FINGERPRINT.of("ab", "c")).isNotEqualTo(FINGERPRINT.of("a", "bc"));
        assertThatThrownBy(() -> new KeyFingerprint(new byte[8])).isInstanceOf(IllegalArgumentException.class);
    }
}
