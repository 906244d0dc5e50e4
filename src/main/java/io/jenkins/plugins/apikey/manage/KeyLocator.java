package io.jenkins.plugins.apikey.manage;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.domains.Domain;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Item;
import hudson.model.ModelObject;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import io.jenkins.plugins.apikey.provider.SecretDirectoryCredentialsProvider;
import java.util.Optional;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Finds where a credentials instance is stored, and whether a {@link KeyRef} names a given
 * instance. Instances are compared by identity, since credentials with the same id in two stores
 * are equal.
 */
@Restricted(NoExternalUse.class)
public final class KeyLocator {

    private KeyLocator() {}

    /**
     * The reference of {@code credentials} as found from {@code context}: its stores, then the
     * secret directory, then the store of the user the current thread runs as.
     */
    @NonNull
    public static Optional<KeyRef> locate(@NonNull IdCredentials credentials, @NonNull ModelObject context) {
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            Optional<KeyRef> found = inStores(credentials, CredentialsProvider.lookupStores(context));
            if (found.isPresent()) {
                return found;
            }
            if (SecretDirectoryCredentialsProvider.get().holds(credentials)) {
                return Optional.of(KeyRef.directory(credentials.getId()));
            }
        }
        User user = User.current();
        return user == null ? Optional.empty() : inStores(credentials, CredentialsProvider.lookupStores(user));
    }

    /** Whether {@code ref} names this very {@code credentials} instance. */
    public static boolean names(@NonNull KeyRef ref, @NonNull IdCredentials credentials) {
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            if (ref.context().equals(KeyRef.DIRECTORY)) {
                return SecretDirectoryCredentialsProvider.get().holds(credentials);
            }
            ModelObject context = context(ref.context());
            if (context == null) {
                return false;
            }
            for (CredentialsStore store : CredentialsProvider.lookupStores(context)) {
                if (store.getContext() == context) {
                    Domain domain = store.getDomainByName(ref.domain().isEmpty() ? null : ref.domain());
                    if (domain != null && containsInstance(store, domain, credentials)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    private static Optional<KeyRef> inStores(IdCredentials credentials, Iterable<CredentialsStore> stores) {
        for (CredentialsStore store : stores) {
            for (Domain domain : store.getDomains()) {
                if (containsInstance(store, domain, credentials)) {
                    return Optional.of(KeyRef.of(store, domain, credentials.getId()));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean containsInstance(CredentialsStore store, Domain domain, Credentials credentials) {
        for (Credentials stored : store.getCredentials(domain)) {
            if (stored == credentials) {
                return true;
            }
        }
        return false;
    }

    @CheckForNull
    private static ModelObject context(String name) {
        if (name.equals(KeyRef.JENKINS)) {
            return Jenkins.get();
        }
        if (name.startsWith(KeyRef.ITEM)) {
            return Jenkins.get().getItemByFullName(name.substring(KeyRef.ITEM.length()), Item.class);
        }
        if (name.startsWith(KeyRef.USER)) {
            return User.getById(name.substring(KeyRef.USER.length()), false);
        }
        return null;
    }
}
