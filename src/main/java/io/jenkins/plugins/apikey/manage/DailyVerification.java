package io.jenkins.plugins.apikey.manage;

import hudson.Extension;
import hudson.model.AsyncPeriodicWork;
import hudson.model.TaskListener;
import io.jenkins.plugins.apikey.verify.KeyVerifier;
import io.jenkins.plugins.apikey.verify.Outcome;
import io.jenkins.plugins.apikey.verify.Verification;
import java.time.Instant;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Verifies every shared key with its service once a day when the policy asks for it, so that a
 * rejected key shows on the administrative monitor before a build needs it.
 */
@Extension
@Restricted(NoExternalUse.class)
public final class DailyVerification extends AsyncPeriodicWork {

    public DailyVerification() {
        super(Messages.DailyVerification_Name());
    }

    @Override
    public long getRecurrencePeriod() {
        return DAY;
    }

    @Override
    protected void execute(TaskListener listener) throws InterruptedException {
        if (!ApiKeyPolicy.get().isVerifyDaily()) {
            return;
        }
        KeyVerifier verifier = ServiceChecks.verifier();
        for (KeyInventory.Row row : KeyInventory.collectShared()) {
            Verification verification = KeyVerifications.verify(verifier, row);
            if (verification.outcome() != Outcome.NO_VERIFIER) {
                listener.getLogger()
                        .println(row.record().id() + ": " + KeyVerifications.shown(verification.verdict()) + ". "
                                + verification.message());
            }
        }
        PolicyMonitor.get().refresh(Instant.now());
    }
}
