package io.jenkins.plugins.apikey.manage;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.model.Computer;
import io.jenkins.plugins.apikey.ServiceKeyCredentials;
import io.jenkins.plugins.apikey.verify.KeyVerifier;
import io.jenkins.plugins.apikey.verify.Outcome;
import io.jenkins.plugins.apikey.verify.Verdict;
import io.jenkins.plugins.apikey.verify.Verification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Verifications of keys with their services that the API Keys pages start: each runs in the
 * background, one at a time per page, and keeps only what it found out (verdicts and messages,
 * never a key). Each answer is also remembered per key in {@link KeyStates}.
 */
@Extension
@Restricted(NoExternalUse.class)
public final class KeyVerifications {

    private static final Logger LOGGER = Logger.getLogger(KeyVerifications.class.getName());

    private final Map<String, Run> latest = new ConcurrentHashMap<>();

    @NonNull
    public static KeyVerifications get() {
        return ExtensionList.lookupSingleton(KeyVerifications.class);
    }

    /**
     * Starts verifying {@code rows} in the background for the page {@code scope}, unless a
     * verification of that page is still running.
     *
     * @return the verification now running for that page
     */
    @NonNull
    synchronized Run start(@NonNull String scope, @NonNull List<KeyInventory.Row> rows) {
        Run current = latest.get(scope);
        if (current != null && current.isRunning()) {
            return current;
        }
        Run run = new Run(rows.size());
        latest.put(scope, run);
        Computer.threadPoolForRemoting.submit(() -> run.verifyAll(rows));
        return run;
    }

    /** The last verification started for the page {@code scope}, running or done. */
    @CheckForNull
    Run latest(@NonNull String scope) {
        return latest.get(scope);
    }

    /**
     * Verifies one key in this thread and remembers the answer. A revoked key is not sent: no one
     * should use it, so its service need not be asked.
     */
    @NonNull
    static Verification verify(@NonNull KeyVerifier verifier, @NonNull KeyInventory.Row row)
            throws InterruptedException {
        if (row.record().revoked()) {
            return Verification.notSent(Messages.KeyVerifications_Revoked());
        }
        ServiceKeyCredentials credentials = row.credentials();
        Verification verification = ServiceChecks.check(verifier, credentials.getPreset(), credentials.keyMaterial());
        if (verification.outcome() != Outcome.NO_VERIFIER) {
            KeyStates.get().recordVerification(row.ref(), verification);
        }
        return verification;
    }

    /**
     * What one verification of a key found.
     *
     * @param id the credentials id
     * @param service the service's name
     * @param hint the key's hint
     * @param store where the key is stored
     * @param verdict valid, rejected or unknown, as shown
     * @param verdictCode the same as a fixed word for styles
     * @param message what the answer means and what to do
     * @param millis how long it took
     */
    public record Result(
            String id,
            String service,
            String hint,
            String store,
            String verdict,
            String verdictCode,
            String message,
            long millis) {}

    /** One verification of some keys: how far it got and what it found so far. */
    public static final class Run {

        private final int total;
        private final List<Result> results = new ArrayList<>();
        private volatile boolean running = true;

        Run(int total) {
            this.total = total;
        }

        /** How many keys this verification checks. */
        public int getTotal() {
            return total;
        }

        /** How many keys were checked so far. */
        public synchronized int getDone() {
            return results.size();
        }

        public boolean isRunning() {
            return running;
        }

        /** What was found so far, in the order the keys were checked. */
        @NonNull
        public synchronized List<Result> getResults() {
            return List.copyOf(results);
        }

        /** How many keys the service refused. */
        public synchronized long getRejected() {
            return results.stream()
                    .filter(result -> result.verdictCode().equals(code(Verdict.REJECTED)))
                    .count();
        }

        private void verifyAll(List<KeyInventory.Row> rows) {
            try {
                KeyVerifier verifier = ServiceChecks.verifier();
                for (KeyInventory.Row row : rows) {
                    Verification verification = verify(verifier, row);
                    add(row, verification);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOGGER.log(Level.WARNING, "verification of API keys stopped", e);
            } finally {
                running = false;
                PolicyMonitor.get().refresh(Instant.now());
            }
        }

        private synchronized void add(KeyInventory.Row row, Verification verification) {
            results.add(new Result(
                    row.record().id(),
                    row.record().service(),
                    row.record().hint(),
                    row.record().store(),
                    shown(verification.verdict()),
                    code(verification.verdict()),
                    verification.message(),
                    verification.elapsed().toMillis()));
        }
    }

    /** A verdict as shown: valid, rejected or unknown. */
    @NonNull
    static String shown(@NonNull Verdict verdict) {
        return switch (verdict) {
            case VALID -> Messages.KeyVerifications_Valid();
            case REJECTED -> Messages.KeyVerifications_Rejected();
            case UNKNOWN -> Messages.KeyVerifications_Unknown();
        };
    }

    /** A verdict as a fixed word for styles. */
    @NonNull
    static String code(@NonNull Verdict verdict) {
        return verdict.name().toLowerCase(Locale.ROOT);
    }
}
