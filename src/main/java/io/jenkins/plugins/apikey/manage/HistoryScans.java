package io.jenkins.plugins.apikey.manage;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.model.Computer;
import hudson.model.ItemGroup;
import hudson.security.ACL;
import hudson.security.ACLContext;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The scans of the build history: one at a time, in the background, the last one kept in memory
 * (without any key) so that its page survives a reload.
 */
@Extension
@Restricted(NoExternalUse.class)
public final class HistoryScans {

    private volatile HistoryScan latest;

    @NonNull
    public static HistoryScans get() {
        return ExtensionList.lookupSingleton(HistoryScans.class);
    }

    /**
     * Starts scanning the history of {@code folder}'s jobs, or of all jobs, unless a scan is
     * running.
     *
     * @return the scan now running
     */
    @NonNull
    synchronized HistoryScan start(@CheckForNull ItemGroup<?> folder) {
        HistoryScan current = latest;
        if (current != null && current.isRunning()) {
            return current;
        }
        HistoryScan scan =
                new HistoryScan(folder == null ? Messages.HistoryScans_AllJobs() : folder.getFullDisplayName());
        latest = scan;
        Computer.threadPoolForRemoting.submit(() -> {
            try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
                scan.run(() -> BuildHistory.targets(folder), KeyInventory::collectShared);
            }
        });
        return scan;
    }

    /** The last scan, running or done, or {@code null}. */
    @CheckForNull
    HistoryScan latest() {
        return latest;
    }
}
