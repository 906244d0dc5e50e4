package io.jenkins.plugins.apikey.manage;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.model.AdministrativeMonitor;
import io.jenkins.plugins.apikey.inventory.KeyRecord;
import io.jenkins.plugins.apikey.inventory.RotationPolicy;
import io.jenkins.plugins.apikey.verify.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Tells administrators which shared API keys (system, folders, secret directory) break the
 * rotation policy or were rejected by their service when last verified, with a link to the API Keys page. Personal keys are left out: the list is
 * shared by every administrator.
 */
@Extension
@Restricted(NoExternalUse.class)
public final class PolicyMonitor extends AdministrativeMonitor {

    /** Monitors are asked on many page views; the inventory is read at most this often. */
    private static final Duration REFRESH = Duration.ofMinutes(5);

    private volatile List<String> violations = List.of();
    private volatile Instant checked = Instant.EPOCH;

    @NonNull
    public static PolicyMonitor get() {
        return ExtensionList.lookupSingleton(PolicyMonitor.class);
    }

    @Override
    public String getDisplayName() {
        return Messages.PolicyMonitor_DisplayName();
    }

    @Override
    public boolean isActivated() {
        return !getViolations().isEmpty();
    }

    /** What needs attention: one message per broken limit and per rejected key. */
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
        for (KeyInventory.Row row : KeyInventory.collectShared()) {
            KeyRecord record = row.record();
            policy.check(record, now).forEach(violation -> found.add(violation.message()));
            rejection(row).ifPresent(found::add);
        }
        violations = List.copyOf(found);
        checked = now;
    }

    /** Says that the service refused the key the last time it was asked, unless it is revoked since. */
    private static Optional<String> rejection(KeyInventory.Row row) {
        KeyRecord record = row.record();
        KeyStates.State state = KeyStates.get().state(row.ref());
        KeyStates.Checked checked = state == null ? null : state.checked();
        if (record.revoked() || checked == null || checked.verdict() != Verdict.REJECTED) {
            return Optional.empty();
        }
        return Optional.of(Messages.PolicyMonitor_Rejected(
                record.id(), record.service(), record.hint(), KeysPage.ago(checked.at()), checked.message()));
    }
}
