package io.jenkins.plugins.apikey.manage;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.apikey.ServiceKeyCredentials;
import io.jenkins.plugins.apikey.preset.ServicePresets;
import io.jenkins.plugins.apikey.scan.FileReport;
import io.jenkins.plugins.apikey.scan.KeyRegistry;
import io.jenkins.plugins.apikey.scan.KnownKey;
import io.jenkins.plugins.apikey.scan.Leak;
import io.jenkins.plugins.apikey.scan.LeakScanner;
import io.jenkins.plugins.apikey.scan.RedactionException;
import io.jenkins.plugins.apikey.scan.Redactor;
import io.jenkins.plugins.apikey.scan.ScanListener;
import io.jenkins.plugins.apikey.scan.ScanProgress;
import io.jenkins.plugins.apikey.scan.TreeScan;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * One scan of the build history for keys that leaked: every job's {@code config.xml} and build
 * logs, read with every key the controller holds as known keys and the presets' key shapes. It
 * keeps only where each key was found, by which rule, in which form, with the key's hint; the keys
 * themselves live in the scanner only while it runs.
 */
@Restricted(NoExternalUse.class)
public final class HistoryScan implements ScanListener {

    private static final Logger LOGGER = Logger.getLogger(HistoryScan.class.getName());

    /**
     * A key found in a file of the history.
     *
     * @param number its number in this scan, for forms
     * @param job the job's full display name
     * @param build the build number, or 0 for the job's configuration
     * @param url the page that shows the file, relative to the Jenkins root
     * @param line the line, from 1
     * @param column the column in bytes, from 1
     * @param key which key: a stored key's name, or the service whose key shape matched
     * @param hint the key's non-secret hint
     * @param form how it was written, such as {@code plain} or {@code base64}
     * @param rotateRef the stored key's reference for its rotation form, or {@code null} for a key
     *     nobody stored
     */
    public record Finding(
            int number,
            String job,
            int build,
            String url,
            long line,
            long column,
            String key,
            String hint,
            String form,
            @CheckForNull String rotateRef) {}

    /**
     * What redacting one file did.
     *
     * @param job the job's full display name
     * @param build the build number, or 0 for its configuration
     * @param ok whether the file was rewritten
     * @param message what was done, or why not and what to do
     */
    public record Redaction(String job, int build, boolean ok, String message) {}

    /**
     * A stored key that leaked, to be rotated.
     *
     * @param name its name in the findings
     * @param ref its reference for the rotation form, or {@code null} when it cannot be rotated here
     */
    public record Leaked(String name, @CheckForNull String ref) {}

    private final String scope;
    private final Map<Path, BuildHistory.Target> targets = new HashMap<>();
    private final Map<String, String> refs = new HashMap<>();
    private final List<Finding> findings = new ArrayList<>();
    private final Map<Integer, Leak> leaks = new HashMap<>();
    private final Map<Path, FileReport> reports = new HashMap<>();
    private final Set<Integer> redacted = new HashSet<>();
    private final List<String> problems = new ArrayList<>();
    private volatile ScanProgress total = new ScanProgress(0, 0, 0, 0);
    private volatile ScanProgress progress = new ScanProgress(0, 0, 0, 0);
    private volatile boolean running = true;

    /** @param scope what is scanned, as shown: all jobs, or one folder's */
    HistoryScan(String scope) {
        this.scope = scope;
    }

    /** Scans the files {@code files} lists for the keys of {@code keys} and the presets' key shapes, in this thread. */
    void run(Supplier<List<BuildHistory.Target>> files, Supplier<List<KeyInventory.Row>> keys) {
        try {
            List<BuildHistory.Target> history = files.get();
            List<KeyInventory.Row> rows = keys.get();
            history.forEach(target -> targets.put(target.file(), target));
            LeakScanner scanner = new LeakScanner(known(rows), ServicePresets.all());
            new TreeScan(scanner, new KeyRegistry(null))
                    .run(history.stream().map(BuildHistory.Target::file).toList(), Set.of(), this);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "scan of the build history stopped", e);
            synchronized (this) {
                problems.add(Messages.HistoryScan_Stopped(e.getClass().getSimpleName()));
            }
        } finally {
            running = false;
        }
    }

    /** The known keys, named by id (and store, when two stores hold the same id). */
    private List<KnownKey> known(List<KeyInventory.Row> rows) {
        Map<String, Integer> counts = new HashMap<>();
        rows.forEach(row -> counts.merge(row.record().id(), 1, Integer::sum));
        List<KnownKey> known = new ArrayList<>();
        for (KeyInventory.Row row : rows) {
            ServiceKeyCredentials credentials = row.credentials();
            String id = row.record().id();
            String name = counts.get(id) > 1 ? id + " (" + row.record().store() + ")" : id;
            known.add(new KnownKey(name, credentials.getPreset(), credentials.keyMaterial()));
            refs.put(name, row.record().editable() ? row.ref().encoded() : null);
        }
        return known;
    }

    @Override
    public void started(ScanProgress total) {
        this.total = total;
    }

    @Override
    public synchronized void scanned(FileReport report) {
        if (report.leaks().isEmpty()) {
            return;
        }
        BuildHistory.Target target = targets.get(report.file());
        if (target == null) {
            return;
        }
        reports.put(report.file(), report);
        for (Leak leak : report.leaks()) {
            int number = findings.size() + 1;
            String key = leak.known()
                    ? leak.rule()
                    : ServicePresets.byIdOrGeneric(leak.preset()).displayName();
            findings.add(new Finding(
                    number,
                    target.job(),
                    target.build(),
                    target.url(),
                    leak.line(),
                    leak.column(),
                    key,
                    leak.hint(),
                    leak.form(),
                    leak.known() ? refs.get(leak.rule()) : null));
            leaks.put(number, leak);
        }
    }

    @Override
    public synchronized void problem(Path path, String message) {
        problems.add(message);
    }

    @Override
    public void progress(ScanProgress progress) {
        this.progress = progress;
    }

    public String getScope() {
        return scope;
    }

    public boolean isRunning() {
        return running;
    }

    /** Files and bytes to read in all. */
    @NonNull
    public ScanProgress getTotal() {
        return total;
    }

    /** Files and bytes read so far. */
    @NonNull
    public ScanProgress getProgress() {
        return progress;
    }

    @NonNull
    public synchronized List<Finding> getFindings() {
        return List.copyOf(findings);
    }

    /** Whether finding {@code number} was redacted. */
    public synchronized boolean isRedacted(int number) {
        return redacted.contains(number);
    }

    /** Files that could not be read, and why. */
    @NonNull
    public synchronized List<String> getProblems() {
        return List.copyOf(problems);
    }

    /** The findings numbered {@code numbers} that are not redacted yet. */
    @NonNull
    synchronized List<Finding> pending(List<Integer> numbers) {
        return findings.stream()
                .filter(finding -> numbers.contains(finding.number()) && !redacted.contains(finding.number()))
                .toList();
    }

    /** How many builds (and job configurations) {@code chosen} are in. */
    static long files(List<Finding> chosen) {
        return chosen.stream().map(Finding::url).distinct().count();
    }

    /**
     * Redacts {@code chosen} file by file, as {@code api-keys scan --redact} does, and moves a
     * Pipeline log's index along with it.
     */
    @NonNull
    synchronized List<Redaction> redact(List<Finding> chosen) {
        Map<Path, List<Finding>> byFile = new LinkedHashMap<>();
        for (Finding finding : chosen) {
            byFile.computeIfAbsent(leaks.get(finding.number()).file(), file -> new ArrayList<>())
                    .add(finding);
        }
        List<Redaction> done = new ArrayList<>();
        byFile.forEach((file, inFile) -> done.add(redact(file, inFile)));
        return done;
    }

    private Redaction redact(Path file, List<Finding> inFile) {
        BuildHistory.Target target = targets.get(file);
        FileReport scanned = reports.get(file);
        List<Leak> chosen =
                inFile.stream().map(finding -> leaks.get(finding.number())).toList();
        FileReport report =
                new FileReport(file, scanned.size(), scanned.modified(), scanned.gzip(), scanned.binary(), chosen);
        Job<?, ?> job = Jenkins.get().getItemByFullName(target.jobName(), Job.class);
        Run<?, ?> build = job == null || target.build() == 0 ? null : job.getBuildByNumber(target.build());
        if (build != null && build.isLogUpdated()) {
            return new Redaction(target.job(), target.build(), false, Messages.HistoryScan_StillRunning());
        }
        try {
            Redactor.redact(report);
            PipelineLogIndex.shift(file, Redactor.offsets(chosen));
            if (target.build() == 0 && job != null) {
                job.load();
            }
            inFile.forEach(finding -> redacted.add(finding.number()));
            return new Redaction(target.job(), target.build(), true, Messages.HistoryScan_Redacted(chosen.size()));
        } catch (RedactionException e) {
            return new Redaction(target.job(), target.build(), false, e.getMessage());
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "could not update what goes with " + file, e);
            inFile.forEach(finding -> redacted.add(finding.number()));
            return new Redaction(target.job(), target.build(), true, Messages.HistoryScan_IndexNotMoved(chosen.size()));
        }
    }

    /** The stored keys among {@code chosen}, once each, to rotate. */
    @NonNull
    static List<Leaked> toRotate(List<Finding> chosen) {
        Map<String, Leaked> keys = new LinkedHashMap<>();
        for (Finding finding : chosen) {
            if (finding.rotateRef() != null) {
                keys.putIfAbsent(finding.key(), new Leaked(finding.key(), finding.rotateRef()));
            }
        }
        return List.copyOf(keys.values());
    }
}
