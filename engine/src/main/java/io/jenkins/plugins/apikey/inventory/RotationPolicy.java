package io.jenkins.plugins.apikey.inventory;

import io.jenkins.plugins.apikey.EngineMessages;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How old and how idle a key may get. A limit of 0 days means no limit.
 *
 * @param maxAgeDays days a key's value may stay the same
 * @param maxIdleDays days a key may go without being bound by a build
 */
public record RotationPolicy(int maxAgeDays, int maxIdleDays) {

    /** No limits. */
    public static final RotationPolicy NONE = new RotationPolicy(0, 0);

    public RotationPolicy {
        if (maxAgeDays < 0 || maxIdleDays < 0) {
            throw new IllegalArgumentException("Policy limits are days, 0 or more.");
        }
    }

    /** What is wrong with a key under this policy; a revoked key breaks no policy. */
    public List<Violation> check(KeyRecord record, Instant now) {
        List<Violation> violations = new ArrayList<>();
        if (record.revoked()) {
            return violations;
        }
        Instant since = record.currentSince();
        if (maxAgeDays > 0 && since != null && Duration.between(since, now).toDays() >= maxAgeDays) {
            violations.add(new Violation(
                    Violation.Kind.TOO_OLD,
                    EngineMessages.keyTooOld(
                            record.id(), Duration.between(since, now).toDays(), maxAgeDays)));
        }
        Instant active = record.lastUsed() != null ? record.lastUsed() : record.firstSeen();
        if (maxIdleDays > 0 && active != null && Duration.between(active, now).toDays() >= maxIdleDays) {
            violations.add(new Violation(
                    Violation.Kind.IDLE,
                    EngineMessages.keyIdle(
                            record.id(),
                            Duration.between(active, now).toDays(),
                            maxIdleDays,
                            record.lastUsed() == null)));
        }
        return violations;
    }

    /** Whether a key is past its maximum age. */
    public boolean isExpired(KeyRecord record, Instant now) {
        return check(record, now).stream().anyMatch(v -> v.kind() == Violation.Kind.TOO_OLD);
    }

    /**
     * One broken limit.
     *
     * @param kind which limit
     * @param message what is wrong and what to do, naming the key by id
     */
    public record Violation(Kind kind, String message) {

        /** Which limit a key broke. */
        public enum Kind {
            TOO_OLD,
            IDLE
        }
    }
}
