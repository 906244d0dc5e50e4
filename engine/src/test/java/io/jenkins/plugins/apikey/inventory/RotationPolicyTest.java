package io.jenkins.plugins.apikey.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RotationPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    private static KeyRecord key(Instant firstSeen, Instant rotated, Instant used, Instant revoked) {
        return new KeyRecord(
                "k",
                "API key",
                "Katalon",
                "",
                "",
                "Jenkins",
                "GLOBAL",
                firstSeen,
                rotated,
                used,
                used == null ? null : "p #1",
                revoked,
                revoked == null ? null : "admin",
                true);
    }

    private static Instant daysAgo(int days) {
        return NOW.minus(Duration.ofDays(days));
    }

    @Test
    void ageCountsFromTheLastRotationElseFromFirstSeen() {
        RotationPolicy policy = new RotationPolicy(90, 0);

        assertThat(policy.check(key(daysAgo(100), daysAgo(10), null, null), NOW))
                .isEmpty();
        assertThat(policy.check(key(daysAgo(100), null, null, null), NOW))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.kind()).isEqualTo(RotationPolicy.Violation.Kind.TOO_OLD);
                    assertThat(v.message())
                            .isEqualTo("Key 'k' has had the same value for 100 days, more than the 90 days the policy"
                                    + " allows. Rotate it: create a new key in the service, then rotate it on the API"
                                    + " Keys page.");
                });
        assertThat(policy.isExpired(key(daysAgo(90), null, null, null), NOW)).isTrue();
        assertThat(policy.isExpired(key(daysAgo(89), null, null, null), NOW)).isFalse();
    }

    @Test
    void idleCountsFromTheLastUseElseFromFirstSeen() {
        RotationPolicy policy = new RotationPolicy(0, 30);

        assertThat(policy.check(key(daysAgo(100), null, daysAgo(3), null), NOW)).isEmpty();
        assertThat(policy.check(key(daysAgo(100), null, daysAgo(31), null), NOW))
                .singleElement()
                .extracting(RotationPolicy.Violation::message)
                .isEqualTo("Key 'k' has not been bound for 31 days, more than the 30 days the policy allows. Revoke or"
                        + " delete it if it is no longer needed.");
        assertThat(policy.check(key(daysAgo(40), null, null, null), NOW))
                .singleElement()
                .extracting(RotationPolicy.Violation::message)
                .asString()
                .startsWith("Key 'k' has not been bound by any build in the 40 days");
    }

    @Test
    void revokedKeysAndNoLimitsBreakNothing() {
        assertThat(new RotationPolicy(1, 1).check(key(daysAgo(400), null, null, daysAgo(1)), NOW))
                .isEmpty();
        assertThat(RotationPolicy.NONE.check(key(daysAgo(4000), null, null, null), NOW))
                .isEmpty();
        assertThat(new RotationPolicy(1, 1).check(key(null, null, null, null), NOW))
                .isEmpty();
        assertThatThrownBy(() -> new RotationPolicy(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
