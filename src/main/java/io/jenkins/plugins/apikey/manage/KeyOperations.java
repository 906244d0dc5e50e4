package io.jenkins.plugins.apikey.manage;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
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
final class KeyOperations {

    /** What to do with the chosen keys. */
    enum Operation {
        DELETE,
        REVOKE,
        REINSTATE
    }

    /**
     * The outcome for one key.
     *
     * @param id the key's id, or the reference when it was not found
     * @param ok whether it worked
     * @param message what happened
     */
    record Result(String id, boolean ok, String message) {}

    private KeyOperations() {}

    /** Applies {@code operation} to the keys of {@code rows} named by {@code refs}. */
    @NonNull
    static List<Result> apply(Operation operation, List<String> refs, List<KeyInventory.Row> rows) {
        List<Result> results = new ArrayList<>();
        for (String ref : refs) {
            Optional<KeyInventory.Row> row = find(rows, ref);
            if (row.isEmpty()) {
                results.add(new Result(ref, false, Messages.KeyOperations_NotFound()));
                continue;
            }
            try {
                results.add(apply(operation, row.get()));
            } catch (IOException | RuntimeException e) {
                results.add(new Result(
                        row.get().record().id(),
                        false,
                        Messages.KeyOperations_Failed(e.getClass().getSimpleName())));
            }
        }
        return results;
    }

    private static Result apply(Operation operation, KeyInventory.Row row) throws IOException {
        String id = row.record().id();
        KeyStates states = KeyStates.get();
        return switch (operation) {
            case DELETE -> {
                if (row.store() == null) {
                    yield new Result(id, false, Messages.KeyOperations_ReadOnly());
                }
                boolean removed = row.store().removeCredentials(row.domain(), row.credentials());
                if (removed) {
                    states.forget(id);
                }
                yield new Result(
                        id, removed, removed ? Messages.KeyOperations_Deleted() : Messages.KeyOperations_NotRemoved());
            }
            case REVOKE ->
                states.revoke(id, currentUser())
                        ? new Result(id, true, Messages.KeyOperations_Revoked())
                        : new Result(id, false, Messages.KeyOperations_AlreadyRevoked());
            case REINSTATE ->
                states.reinstate(id)
                        ? new Result(id, true, Messages.KeyOperations_Reinstated())
                        : new Result(id, false, Messages.KeyOperations_NotRevoked());
        };
    }

    /** Replaces the value of the key of {@code rows} named by {@code ref}; from then on only it binds. */
    @NonNull
    static Result rotate(String ref, Secret value, List<KeyInventory.Row> rows) {
        Optional<KeyInventory.Row> found = find(rows, ref);
        if (found.isEmpty()) {
            return new Result(ref, false, Messages.KeyOperations_NotFound());
        }
        KeyInventory.Row row = found.get();
        String id = row.record().id();
        if (row.store() == null) {
            return new Result(id, false, Messages.KeyOperations_ReadOnly());
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
            return new Result(id, false, Messages.KeyOperations_NotRotatable());
        }
        for (Finding finding : preset.checkKey(plain)) {
            if (finding.isError()) {
                return new Result(id, false, finding.message());
            }
        }
        try {
            if (!row.store().updateCredentials(row.domain(), row.credentials(), replacement)) {
                return new Result(id, false, Messages.KeyOperations_NotRemoved());
            }
        } catch (IOException e) {
            return new Result(
                    id, false, Messages.KeyOperations_Failed(e.getClass().getSimpleName()));
        }
        KeyStates.get().observe(id, material);
        return new Result(id, true, Messages.KeyOperations_Rotated());
    }

    private static Optional<KeyInventory.Row> find(List<KeyInventory.Row> rows, String ref) {
        return rows.stream().filter(row -> row.ref().equals(ref)).findFirst();
    }

    private static String currentUser() {
        User user = User.current();
        return user == null ? null : user.getId();
    }
}
