package io.jenkins.plugins.apikey.manage;

import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.domains.Domain;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.User;
import hudson.util.Secret;
import io.jenkins.plugins.apikey.impl.ApiKeyCredentialsImpl;
import io.jenkins.plugins.apikey.impl.ClientCredentialsImpl;
import io.jenkins.plugins.apikey.preset.Finding;
import io.jenkins.plugins.apikey.preset.KeyMaterial;
import io.jenkins.plugins.apikey.preset.ServicePreset;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Deletes, revokes, reinstates and rotates keys, reporting each key's outcome on its own so that
 * one failure hides no other. Messages name keys by id, never by value.
 */
@Restricted(NoExternalUse.class)
public final class KeyOperations {

    /** What to do with the chosen keys. */
    public enum Operation {
        DELETE,
        REVOKE,
        REINSTATE
    }

    /**
     * The outcome for one key.
     *
     * @param id the key's id
     * @param store where it is stored, or empty when it was not found
     * @param ok whether it worked
     * @param message what happened
     */
    public record Result(String id, String store, boolean ok, String message) {}

    private KeyOperations() {}

    /** Applies {@code operation} to the keys of {@code rows} named by {@code refs}. */
    @NonNull
    static List<Result> apply(Operation operation, List<KeyRef> refs, List<KeyInventory.Row> rows) {
        List<Result> results = new ArrayList<>();
        for (KeyRef ref : refs) {
            Optional<KeyInventory.Row> row = find(rows, ref);
            if (row.isEmpty()) {
                results.add(new Result(ref.id(), "", false, Messages.KeyOperations_NotFound()));
                continue;
            }
            try {
                results.add(apply(operation, row.get()));
            } catch (IOException | RuntimeException e) {
                results.add(failed(
                        row.get(), Messages.KeyOperations_Failed(e.getClass().getSimpleName())));
            }
        }
        return results;
    }

    private static Result apply(Operation operation, KeyInventory.Row row) throws IOException {
        KeyStates states = KeyStates.get();
        CredentialsStore store = row.store();
        Domain domain = row.domain();
        return switch (operation) {
            case DELETE -> {
                if (store == null || domain == null) {
                    yield failed(row, Messages.KeyOperations_ReadOnly());
                }
                boolean removed = store.removeCredentials(domain, row.credentials());
                if (removed) {
                    states.forget(row.ref());
                }
                yield removed
                        ? done(row, Messages.KeyOperations_Deleted())
                        : failed(row, Messages.KeyOperations_NotRemoved());
            }
            case REVOKE ->
                states.revoke(row.ref(), currentUser())
                        ? done(row, Messages.KeyOperations_Revoked())
                        : failed(row, Messages.KeyOperations_AlreadyRevoked());
            case REINSTATE ->
                states.reinstate(row.ref())
                        ? done(row, Messages.KeyOperations_Reinstated())
                        : failed(row, Messages.KeyOperations_NotRevoked());
        };
    }

    private static Result done(KeyInventory.Row row, String message) {
        return new Result(row.record().id(), row.record().store(), true, message);
    }

    private static Result failed(KeyInventory.Row row, String message) {
        return new Result(row.record().id(), row.record().store(), false, message);
    }

    /** Replaces the value of the key of {@code rows} named by {@code ref}; from then on only it binds. */
    @NonNull
    static Result rotate(KeyRef ref, @CheckForNull Secret value, List<KeyInventory.Row> rows) {
        Optional<KeyInventory.Row> found = find(rows, ref);
        if (found.isEmpty()) {
            return new Result(ref.id(), "", false, Messages.KeyOperations_NotFound());
        }
        KeyInventory.Row row = found.get();
        String id = row.record().id();
        CredentialsStore store = row.store();
        Domain domain = row.domain();
        if (store == null || domain == null) {
            return failed(row, Messages.KeyOperations_ReadOnly());
        }
        String plain = value == null ? "" : value.getPlainText();
        StandardCredentials replacement;
        ServicePreset preset;
        KeyMaterial material;
        if (row.credentials() instanceof ApiKeyCredentialsImpl old) {
            ApiKeyCredentialsImpl rotated = new ApiKeyCredentialsImpl(
                    old.getScope(), id, old.getDescription(), Secret.fromString(plain), old.getService());
            rotated.setServerUrl(old.getServerUrl());
            rotated.setActsAs(old.getActsAs());
            replacement = rotated;
            preset = old.getPreset();
            material = rotated.keyMaterial();
        } else if (row.credentials() instanceof ClientCredentialsImpl old) {
            ClientCredentialsImpl rotated = new ClientCredentialsImpl(
                    old.getScope(), id, old.getDescription(), old.getUsername(), Secret.fromString(plain));
            rotated.setService(old.getService());
            replacement = rotated;
            preset = old.getPreset();
            material = rotated.keyMaterial();
        } else {
            return failed(row, Messages.KeyOperations_NotRotatable());
        }
        for (Finding finding : preset.checkKey(plain)) {
            if (finding.isError()) {
                return failed(row, finding.message());
            }
        }
        try {
            if (!store.updateCredentials(domain, row.credentials(), replacement)) {
                return failed(row, Messages.KeyOperations_NotRemoved());
            }
        } catch (IOException e) {
            return failed(row, Messages.KeyOperations_Failed(e.getClass().getSimpleName()));
        }
        KeyStates.get().observe(ref, material);
        return done(row, Messages.KeyOperations_Rotated());
    }

    private static Optional<KeyInventory.Row> find(List<KeyInventory.Row> rows, KeyRef ref) {
        return rows.stream().filter(row -> row.ref().equals(ref)).findFirst();
    }

    private static String currentUser() {
        User user = User.current();
        return user == null ? null : user.getId();
    }
}
