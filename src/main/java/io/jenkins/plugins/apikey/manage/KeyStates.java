package io.jenkins.plugins.apikey.manage;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.XmlFile;
import hudson.model.Saveable;
import hudson.model.listeners.SaveableListener;
import io.jenkins.plugins.apikey.inventory.KeyFingerprint;
import io.jenkins.plugins.apikey.inventory.KeyHistory;
import io.jenkins.plugins.apikey.preset.KeyMaterial;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import jenkins.security.HMACConfidentialKey;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * What the plugin remembers of each key, by credentials id: a keyed hash of its value (to see
 * rotations made anywhere), when it was first seen, last rotated, last bound and by which build,
 * and whether it is revoked. Never a key or a plain hash of one.
 */
@Extension
@Restricted(NoExternalUse.class)
public final class KeyStates implements Saveable {

    private static final Logger LOGGER = Logger.getLogger(KeyStates.class.getName());
    private static final HMACConfidentialKey INSTALLATION_KEY = new HMACConfidentialKey(KeyStates.class, "fingerprint");

    private final Map<String, State> states = new HashMap<>();
    private transient KeyFingerprint fingerprint;

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

    /** One key's remembered state; times are epoch milliseconds, 0 for never. */
    public static final class State {
        String fingerprint;
        long firstSeen;
        long lastRotated;
        long lastUsed;
        String lastUsedBy;
        long revokedAt;
        String revokedBy;

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

        @CheckForNull
        public String lastUsedBy() {
            return lastUsedBy;
        }

        @CheckForNull
        public Instant revokedAt() {
            return instant(revokedAt);
        }

        @CheckForNull
        public String revokedBy() {
            return revokedBy;
        }

        private static Instant instant(long millis) {
            return millis == 0 ? null : Instant.ofEpochMilli(millis);
        }
    }

    /** Records having seen key {@code id} with {@code material}, noting a rotation when its value changed. */
    @NonNull
    public synchronized State observe(@NonNull String id, @NonNull KeyMaterial material) {
        State state = states.computeIfAbsent(id, ignored -> new State());
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
            persist();
        }
        return state;
    }

    @CheckForNull
    public synchronized State state(@NonNull String id) {
        return states.get(id);
    }

    /** Records that {@code build} bound key {@code id} now. */
    public synchronized void recordUse(@NonNull String id, @NonNull String build) {
        State state = states.computeIfAbsent(id, ignored -> new State());
        state.lastUsed = System.currentTimeMillis();
        state.lastUsedBy = build;
        persist();
    }

    /** Revokes key {@code id}; false if it already was. */
    public synchronized boolean revoke(@NonNull String id, @CheckForNull String by) {
        State state = states.computeIfAbsent(id, ignored -> new State());
        if (state.revokedAt != 0) {
            return false;
        }
        state.revokedAt = System.currentTimeMillis();
        state.revokedBy = by;
        persist();
        return true;
    }

    /** Reinstates key {@code id}; false if it was not revoked. */
    public synchronized boolean reinstate(@NonNull String id) {
        State state = states.get(id);
        if (state == null || state.revokedAt == 0) {
            return false;
        }
        state.revokedAt = 0;
        state.revokedBy = null;
        persist();
        return true;
    }

    /** Forgets key {@code id}, after it was deleted. */
    public synchronized void forget(@NonNull String id) {
        if (states.remove(id) != null) {
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
        SaveableListener.fireOnChange(this, file());
    }

    private static XmlFile file() {
        return new XmlFile(Jenkins.XSTREAM2, new File(Jenkins.get().getRootDir(), KeyStates.class.getName() + ".xml"));
    }
}
