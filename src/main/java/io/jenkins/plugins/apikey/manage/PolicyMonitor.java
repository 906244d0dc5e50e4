package io.jenkins.plugins.apikey.manage;

import hudson.Extension;
import hudson.model.AdministrativeMonitor;
import io.jenkins.plugins.apikey.inventory.KeyRecord;
import io.jenkins.plugins.apikey.inventory.RotationPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Tells administrators which shared API keys (system, folders, secret directory) break the
 * rotation policy, with a link to the API Keys page. Personal keys are left out: the list is
 * shared by every administrator.
 */
@Extension
@Restricted(NoExternalUse.class)
public final class PolicyMonitor extends AdministrativeMonitor {

    /** Monitors are asked on many page views; the inventory is read at most this often. */
    private static final Duration REFRESH = Duration.ofMinutes(5);

    private volatile List<String> violations = List.of();
    private volatile Instant checked = Instant.EPOCH;

    @Override
    public String getDisplayName() {
        return Messages.PolicyMonitor_DisplayName();
    }

    @Override
    public boolean isActivated() {
        return !getViolations().isEmpty();
    }

    /** What breaks the policy, one message per broken limit. */
    public List<String> getViolations() {
        Instant now = Instant.now();
        if (Duration.between(checked, now).compareTo(REFRESH) >= 0) {
            refresh(now);
        }
        return violations;
    }

    /** Reads the inventory again now, for example after the policy changed. */
    public void refresh(Instant now) {
        RotationPolicy policy = ApiKeyPolicy.get().toPolicy();
        List<String> found = new ArrayList<>();
        if (!policy.equals(RotationPolicy.NONE)) {
            for (KeyInventory.Row row : KeyInventory.collectShared()) {
                KeyRecord record = row.record();
                policy.check(record, now).forEach(violation -> found.add(violation.message()));
            }
        }
        violations = List.copyOf(found);
        checked = now;
    }
}
