package io.jenkins.plugins.apikey.provider;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.model.ItemGroup;
import hudson.security.ACL;
import hudson.util.Secret;
import io.jenkins.plugins.apikey.ServiceKeyCredentials;
import io.jenkins.plugins.apikey.impl.ApiKeyCredentialsImpl;
import io.jenkins.plugins.apikey.impl.ClientCredentialsImpl;
import io.jenkins.plugins.apikey.inventory.SecretDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.security.core.Authentication;

/**
 * A read-only credentials provider for API keys mounted as files (Docker and Kubernetes secrets,
 * systemd credentials): see {@link SecretDirectory}. The directory is read again whenever a file
 * in it changes. Its keys cannot be edited in Jenkins; change the files instead.
 */
@Extension
public final class SecretDirectoryCredentialsProvider extends CredentialsProvider {

    private volatile Snapshot snapshot;

    /** One read of the directory, with what it was read from. */
    private record Snapshot(Path directory, String signature, SecretDirectory.Scan scan, List<Entry> credentials) {}

    /** A usable key as credentials, with the folder it is limited to. */
    private record Entry(
            ServiceKeyCredentials credentials, @CheckForNull String folder) {}

    @NonNull
    public static SecretDirectoryCredentialsProvider get() {
        return ExtensionList.lookupSingleton(SecretDirectoryCredentialsProvider.class);
    }

    @NonNull
    @Override
    public String getDisplayName() {
        return Messages.SecretDirectoryCredentialsProvider_DisplayName();
    }

    @NonNull
    @Override
    public <C extends Credentials> List<C> getCredentialsInItemGroup(
            @NonNull Class<C> type,
            @CheckForNull ItemGroup itemGroup,
            @CheckForNull Authentication authentication,
            @NonNull List<DomainRequirement> domainRequirements) {
        List<C> found = new ArrayList<>();
        if (!ACL.SYSTEM2.equals(authentication)) {
            return found;
        }
        for (Entry entry : current().credentials()) {
            if (type.isInstance(entry.credentials()) && visibleIn(entry.folder(), itemGroup)) {
                found.add(type.cast(entry.credentials()));
            }
        }
        return found;
    }

    /** The last read of the directory, refreshed if its files changed; empty when none is configured. */
    @NonNull
    public SecretDirectory.Scan scan() {
        return current().scan();
    }

    /** Every usable key of the directory, whatever folder it is limited to. */
    @NonNull
    public List<ServiceKeyCredentials> credentials() {
        return current().credentials().stream().map(Entry::credentials).toList();
    }

    /** Whether this very {@code credentials} instance comes from the directory as last read. */
    public boolean holds(@NonNull Credentials credentials) {
        return current().credentials().stream().anyMatch(entry -> entry.credentials() == credentials);
    }

    private Snapshot current() {
        Path directory = SecretDirectoryConfiguration.get().path();
        String signature = signature(directory);
        Snapshot last = snapshot;
        if (last != null && last.signature().equals(signature) && Objects.equals(last.directory(), directory)) {
            return last;
        }
        SecretDirectory.Scan scan =
                directory == null ? new SecretDirectory.Scan(List.of(), List.of()) : SecretDirectory.scan(directory);
        List<Entry> credentials = new ArrayList<>();
        for (SecretDirectory.Entry entry : scan.entries()) {
            credentials.add(new Entry(credentials(entry), entry.folder()));
        }
        Snapshot fresh = new Snapshot(directory, signature, scan, credentials);
        snapshot = fresh;
        return fresh;
    }

    private static ServiceKeyCredentials credentials(SecretDirectory.Entry entry) {
        if (entry.preset().isClientCredentials()) {
            ClientCredentialsImpl client = new ClientCredentialsImpl(
                    CredentialsScope.GLOBAL,
                    entry.id(),
                    entry.description(),
                    entry.clientId(),
                    Secret.fromString(entry.secret()));
            client.setService(entry.preset().id());
            return client;
        }
        return new ApiKeyCredentialsImpl(
                CredentialsScope.GLOBAL,
                entry.id(),
                entry.description(),
                Secret.fromString(entry.secret()),
                entry.preset().id());
    }

    /** Names, sizes and modification times of the files, so any change is seen. */
    private static String signature(@CheckForNull Path directory) {
        if (directory == null) {
            return "";
        }
        StringBuilder signature = new StringBuilder();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                signature.append(file.getFileName()).append('|');
                try {
                    signature
                            .append(Files.size(file))
                            .append('|')
                            .append(Files.getLastModifiedTime(file).toMillis());
                } catch (IOException e) {
                    signature.append("unreadable");
                }
                signature.append('\n');
            }
        } catch (IOException e) {
            return "unlistable";
        }
        return signature.toString();
    }

    private static boolean visibleIn(@CheckForNull String folder, @CheckForNull ItemGroup<?> itemGroup) {
        if (folder == null) {
            return true;
        }
        String name = itemGroup == null ? "" : itemGroup.getFullName();
        return name.equals(folder) || name.startsWith(folder + "/");
    }
}
