package io.jenkins.plugins.apikey.manage;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.domains.Domain;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.model.ModelObject;
import hudson.model.User;
import io.jenkins.plugins.apikey.ApiKeyCredentials;
import io.jenkins.plugins.apikey.ServiceKeyCredentials;
import io.jenkins.plugins.apikey.inventory.KeyRecord;
import io.jenkins.plugins.apikey.preset.KeyMaterial;
import io.jenkins.plugins.apikey.preset.ServicePreset;
import io.jenkins.plugins.apikey.provider.SecretDirectoryConfiguration;
import io.jenkins.plugins.apikey.provider.SecretDirectoryCredentialsProvider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Every API-key and client-credentials credential Jenkins holds: the system store, folder stores,
 * the signed-in user's own store and the secret directory, with what the plugin remembers of each.
 */
@Restricted(NoExternalUse.class)
final class KeyInventory {

    private KeyInventory() {}

    /**
     * One key and where it lives.
     *
     * @param record what is shown
     * @param ref where it lives: store context, domain and id
     * @param store its store, or {@code null} for the secret directory
     * @param domain its domain in that store
     * @param credentials the credentials
     */
    record Row(
            KeyRecord record,
            KeyRef ref,
            @CheckForNull CredentialsStore store,
            @CheckForNull Domain domain,
            ServiceKeyCredentials credentials) {}

    /** All keys, by id: the shared ones and the current user's own. */
    @NonNull
    static List<Row> collect() {
        Set<CredentialsStore> stores = sharedStores();
        User user = User.current();
        if (user != null) {
            addOwn(stores, user);
        }
        return collect(stores, true);
    }

    /** The keys every administrator sees alike: the system store, folder stores and the secret directory. */
    @NonNull
    static List<Row> collectShared() {
        return collect(sharedStores(), true);
    }

    /** The keys of {@code folder}'s own stores, by id. */
    @NonNull
    static List<Row> collect(@NonNull ItemGroup<?> folder) {
        Set<CredentialsStore> stores = new LinkedHashSet<>();
        addOwn(stores, folder);
        return collect(stores, false);
    }

    private static List<Row> collect(Set<CredentialsStore> stores, boolean withDirectory) {
        List<Row> rows = new ArrayList<>();
        for (CredentialsStore store : stores) {
            for (Domain domain : store.getDomains()) {
                for (var credentials : store.getCredentials(domain)) {
                    if (credentials instanceof ServiceKeyCredentials key) {
                        rows.add(row(
                                key,
                                store.getContextDisplayName(),
                                KeyRef.of(store, domain, key.getId()),
                                store,
                                domain,
                                true));
                    }
                }
            }
        }
        if (withDirectory && SecretDirectoryConfiguration.get().path() != null) {
            String where = Messages.KeyInventory_Directory(
                    SecretDirectoryConfiguration.get().getDirectory());
            for (ServiceKeyCredentials credentials :
                    SecretDirectoryCredentialsProvider.get().credentials()) {
                rows.add(row(credentials, where, KeyRef.directory(credentials.getId()), null, null, false));
            }
        }
        rows.sort(Comparator.comparing((Row row) -> row.record().id())
                .thenComparing(row -> row.ref().encoded()));
        return rows;
    }

    private static Set<CredentialsStore> sharedStores() {
        Set<CredentialsStore> stores = new LinkedHashSet<>();
        Jenkins jenkins = Jenkins.get();
        addOwn(stores, jenkins);
        for (Item item : jenkins.allItems()) {
            if (item instanceof ItemGroup<?>) {
                addOwn(stores, item);
            }
        }
        return stores;
    }

    /** Adds the stores whose context is {@code context} itself, not an ancestor's. */
    private static void addOwn(Set<CredentialsStore> stores, ModelObject context) {
        for (CredentialsStore store : CredentialsProvider.lookupStores(context)) {
            if (store.getContext() == context) {
                stores.add(store);
            }
        }
    }

    private static Row row(
            ServiceKeyCredentials credentials,
            String where,
            KeyRef ref,
            @CheckForNull CredentialsStore store,
            @CheckForNull Domain domain,
            boolean editable) {
        ServicePreset preset = credentials.getPreset();
        KeyMaterial material = credentials.keyMaterial();
        String kind = credentials instanceof ApiKeyCredentials
                ? Messages.KeyInventory_ApiKey()
                : Messages.KeyInventory_ClientCredentials();
        KeyStates.State state = KeyStates.get().observe(ref, material);
        CredentialsScope scope = credentials.getScope();
        KeyRecord record = new KeyRecord(
                credentials.getId(),
                kind,
                preset.displayName(),
                credentials.getHint(),
                credentials.getDescription(),
                where,
                (scope == null ? CredentialsScope.GLOBAL : scope).name(),
                state.firstSeen(),
                state.lastRotated(),
                state.lastUsed(),
                state.lastUsedBy(),
                state.revokedAt(),
                state.revokedBy(),
                editable);
        return new Row(record, ref, store, domain, credentials);
    }
}
