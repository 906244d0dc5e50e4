package io.jenkins.plugins.apikey.manage;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.model.Job;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The files of the build history a scan reads: each job's {@code config.xml} and each build's
 * console log ({@code log}, or {@code log.gz} when compressed), found on disk without loading any
 * build.
 */
@Restricted(NoExternalUse.class)
final class BuildHistory {

    private BuildHistory() {}

    /**
     * One file and what it belongs to.
     *
     * @param file the file
     * @param jobName the job's full name, to find it again
     * @param job the job's full display name
     * @param jobUrl the job's URL relative to the Jenkins root
     * @param build the build number, or 0 for the job's configuration
     */
    record Target(Path file, String jobName, String job, String jobUrl, int build) {

        /** The page that shows the file: the build's console, or the job. */
        String url() {
            return build == 0 ? jobUrl : jobUrl + build + "/console";
        }
    }

    /** The files of every job in {@code folder}, or in all of Jenkins when it is {@code null}. */
    @NonNull
    static List<Target> targets(@CheckForNull ItemGroup<?> folder) {
        List<Target> targets = new ArrayList<>();
        List<Job> jobs = folder == null
                ? Jenkins.get().getAllItems(Job.class)
                : Jenkins.get().getAllItems(Job.class, job -> isIn(job, folder));
        jobs.sort(Comparator.comparing(Item::getFullName));
        for (Job<?, ?> job : jobs) {
            String fullName = job.getFullName();
            String name = job.getFullDisplayName();
            String url = job.getUrl();
            File config = job.getConfigFile().getFile();
            if (config.isFile()) {
                targets.add(new Target(config.toPath(), fullName, name, url, 0));
            }
            for (int number : buildNumbers(job.getBuildDir())) {
                File dir = new File(job.getBuildDir(), Integer.toString(number));
                File log = new File(dir, "log");
                File gz = new File(dir, "log.gz");
                if (log.isFile()) {
                    targets.add(new Target(log.toPath(), fullName, name, url, number));
                } else if (gz.isFile()) {
                    targets.add(new Target(gz.toPath(), fullName, name, url, number));
                }
            }
        }
        return targets;
    }

    private static boolean isIn(Item item, ItemGroup<?> folder) {
        for (ItemGroup<?> parent = item.getParent(); parent != null; ) {
            if (parent == folder) {
                return true;
            }
            parent = parent instanceof Item inner ? inner.getParent() : null;
        }
        return false;
    }

    /** The numbers of the build directories, in order: names that are numbers. */
    private static int[] buildNumbers(File buildDir) {
        String[] names = buildDir.list();
        if (names == null) {
            return new int[0];
        }
        return Arrays.stream(names)
                .filter(name ->
                        !name.isEmpty() && name.length() < 10 && name.chars().allMatch(Character::isDigit))
                .mapToInt(Integer::parseInt)
                .sorted()
                .toArray();
    }
}
