package io.jenkins.plugins.apikey.manage;

import com.cloudbees.plugins.credentials.CredentialsUnavailableException;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.XmlFile;
import hudson.model.AsyncPeriodicWork;
import hudson.model.Saveable;
import hudson.model.TaskListener;
import hudson.model.listeners.SaveableListener;
import io.jenkins.plugins.apikey.EngineMessages;
import io.jenkins.plugins.apikey.inventory.KeyFingerprint;
import io.jenkins.plugins.apikey.inventory.KeyHistory;
import io.jenkins.plugins.apikey.preset.KeyMaterial;
import io.jenkins.plugins.apikey.verify.Verdict;
import io.jenkins.plugins.apikey.verify.Verification;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import jenkins.security.HMACConfidentialKey;
import jenkins.util.JenkinsJVM;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * What the plugin remembers of each key, by {@link KeyRef} (store, domain and id): a keyed hash of
 * its value (to see rotations made anywhere), when it was first seen, last rotated, last bound and
 * by which build, and whether it is revoked. Never a key or a plain hash of one.
 */
@Extension
@Restricted(NoExternalUse.class)
public final class KeyStates implements Saveable {

    private static final Logger LOGGER = Logger.getLogger(KeyStates.class.getName());
    private static final HMACConfidentialKey INSTALLATION_KEY = new HMACConfidentialKey(KeyStates.class, "fingerprint");

    private final Map<String, State> states = new HashMap<>();
    private transient KeyFingerprint fingerprint;
    private transient boolean unsaved;

    public KeyStates() {
        XmlFile file = file();
        if (file.exists()) {
            try {
                file.unmarshal(this);
            } catch (IOException e) {
                LOGGER.log(Level.WARNING, "could not read " + file, e);
            }
        }
    }

    @NonNull
    public static KeyStates get() {
        return ExtensionList.lookupSingleton(KeyStates.class);
    }

    /**
     * Refuses {@code credentials} if the key it is, in its own store, was revoked: for every
     * consumer of its value, not only this plugin's bindings. Does nothing outside a running
     * controller, such as on an agent.
     *
     * @throws CredentialsUnavailableException naming the key, when and by whom, never the value
     */
    public static void checkNotRevoked(@NonNull IdCredentials credentials, @NonNull String property) {
        Jenkins jenkins = Jenkins.getInstanceOrNull();
        if (!JenkinsJVM.isJenkinsJVM() || jenkins == null) {
            return;
        }
        KeyStates states = ExtensionList.lookup(KeyStates.class).get(KeyStates.class);
        if (states == null) {
            return;
        }
        for (Map.Entry<KeyRef, State> revoked : states.revokedWithId(credentials.getId())) {
            if (KeyLocator.names(revoked.getKey(), credentials)) {
                State state = revoked.getValue();
                throw new CredentialsUnavailableException(
                        property, EngineMessages.revoked(credentials.getId(), time(state), state.revokedBy()));
            }
        }
    }

    /** The revoked keys with credentials id {@code id}, in any store. */
    private synchronized List<Map.Entry<KeyRef, State>> revokedWithId(String id) {
        List<Map.Entry<KeyRef, State>> found = new ArrayList<>();
        states.forEach((key, state) -> {
            if (state.revokedAt != 0) {
                KeyRef.parse(key).filter(ref -> ref.id().equals(id)).ifPresent(ref -> found.add(Map.entry(ref, state)));
            }
        });
        return found;
    }

    /** The time a key was revoked, as shown in messages. */
    @NonNull
    static String time(@NonNull State state) {
        Instant at = state.revokedAt();
        return at == null ? "" : DateTimeFormatter.ISO_INSTANT.format(at);
    }

    /** One key's remembered state; times are epoch milliseconds, 0 for never. */
    public static final class State {
        String fingerprint;
        long firstSeen;
        long lastRotated;
        long lastUsed;
        String lastUsedBy;
        String lastUsedUrl;
        long revokedAt;
        String revokedBy;
        long verifiedAt;
        Verdict verdict;
        String verifiedMessage;

        @CheckForNull
        public Instant firstSeen() {
            return instant(firstSeen);
        }

        @CheckForNull
        public Instant lastRotated() {
            return instant(lastRotated);
        }

        @CheckForNull
        public Instant lastUsed() {
            return instant(lastUsed);
        }

        /** The build (or agent) that last bound the key, by its display name. */
        @CheckForNull
        public String lastUsedBy() {
            return lastUsedBy;
        }

        /** The URL of that build, relative to the Jenkins root, if it was a build. */
        @CheckForNull
        public String lastUsedUrl() {
            return lastUsedUrl;
        }

        @CheckForNull
        public Instant revokedAt() {
            return instant(revokedAt);
        }

        @CheckForNull
        public String revokedBy() {
            return revokedBy;
        }

        /** The last answer of the key's service about its current value, or {@code null} if never asked. */
        @CheckForNull
        public Checked checked() {
            return verdict == null || verifiedAt == 0
                    ? null
                    : new Checked(verdict, Instant.ofEpochMilli(verifiedAt), verifiedMessage);
        }

        private static Instant instant(long millis) {
            return millis == 0 ? null : Instant.ofEpochMilli(millis);
        }
    }

    /**
     * What a service last said about a key: never the key or a token, only the verdict and the
     * message shown to users.
     *
     * @param verdict valid, rejected or unknown
     * @param at when it was asked
     * @param message what the answer means and what to do
     */
    public record Checked(Verdict verdict, Instant at, String message) {}

    /**
     * Records having seen key {@code ref} with {@code material}, noting a rotation when its value
     * changed. Pages call this on every view, so it only changes memory; {@link Flusher} and the
     * next recorded use or revocation write it to disk.
     */
    @NonNull
    public synchronized State observe(@NonNull KeyRef ref, @NonNull KeyMaterial material) {
        State state = states.computeIfAbsent(ref.encoded(), ignored -> new State());
        KeyHistory previous = state.fingerprint == null
                ? null
                : new KeyHistory(state.fingerprint, state.firstSeen(), state.lastRotated());
        KeyHistory now =
                KeyHistory.observe(previous, fingerprint().of(material.clientId(), material.key()), Instant.now());
        if (!now.equals(previous)) {
            state.fingerprint = now.fingerprint();
            state.firstSeen = now.firstSeen().toEpochMilli();
            state.lastRotated =
                    now.lastRotated() == null ? 0 : now.lastRotated().toEpochMilli();
            if (previous != null && !now.fingerprint().equals(previous.fingerprint())) {
                forgetVerification(state);
            }
            unsaved = true;
        }
        return state;
    }

    @CheckForNull
    public synchronized State state(@NonNull KeyRef ref) {
        return states.get(ref.encoded());
    }

    /**
     * Records that key {@code ref} was bound now.
     *
     * @param by the build or agent that bound it, by display name
     * @param url the build's URL relative to the Jenkins root, or {@code null}
     */
    public synchronized void recordUse(@NonNull KeyRef ref, @NonNull String by, @CheckForNull String url) {
        State state = states.computeIfAbsent(ref.encoded(), ignored -> new State());
        state.lastUsed = System.currentTimeMillis();
        state.lastUsedBy = by;
        state.lastUsedUrl = url;
        persist();
    }

    /** Records what key {@code ref}'s service said about its current value. */
    public synchronized void recordVerification(@NonNull KeyRef ref, @NonNull Verification verification) {
        State state = states.computeIfAbsent(ref.encoded(), ignored -> new State());
        state.verifiedAt = System.currentTimeMillis();
        state.verdict = verification.verdict();
        state.verifiedMessage = verification.message();
        persist();
    }

    private static void forgetVerification(State state) {
        state.verifiedAt = 0;
        state.verdict = null;
        state.verifiedMessage = null;
    }

    /** Revokes key {@code ref}; false if it already was. */
    public synchronized boolean revoke(@NonNull KeyRef ref, @CheckForNull String by) {
        State state = states.computeIfAbsent(ref.encoded(), ignored -> new State());
        if (state.revokedAt != 0) {
            return false;
        }
        state.revokedAt = System.currentTimeMillis();
        state.revokedBy = by;
        persist();
        return true;
    }

    /** Reinstates key {@code ref}; false if it was not revoked. */
    public synchronized boolean reinstate(@NonNull KeyRef ref) {
        State state = states.get(ref.encoded());
        if (state == null || state.revokedAt == 0) {
            return false;
        }
        state.revokedAt = 0;
        state.revokedBy = null;
        persist();
        return true;
    }

    /** Forgets key {@code ref}, after it was deleted. */
    public synchronized void forget(@NonNull KeyRef ref) {
        if (states.remove(ref.encoded()) != null) {
            persist();
        }
    }

    private KeyFingerprint fingerprint() {
        if (fingerprint == null) {
            byte[] derived = INSTALLATION_KEY.mac("api-key-credentials fingerprints".getBytes(StandardCharsets.UTF_8));
            fingerprint = new KeyFingerprint(derived);
        }
        return fingerprint;
    }

    private void persist() {
        try {
            save();
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "could not save " + file(), e);
        }
    }

    @Override
    public synchronized void save() throws IOException {
        file().write(this);
        unsaved = false;
        SaveableListener.fireOnChange(this, file());
    }

    private synchronized void saveIfChanged() {
        if (unsaved) {
            persist();
        }
    }

    /** Writes observations made by page views to disk, off the request threads. */
    @Extension
    @Restricted(NoExternalUse.class)
    public static final class Flusher extends AsyncPeriodicWork {

        public Flusher() {
            super("API key states");
        }

        @Override
        public long getRecurrencePeriod() {
            return MIN;
        }

        @Override
        protected void execute(TaskListener listener) {
            KeyStates.get().saveIfChanged();
        }
    }

    private static XmlFile file() {
        return new XmlFile(Jenkins.XSTREAM2, new File(Jenkins.get().getRootDir(), KeyStates.class.getName() + ".xml"));
    }
}
