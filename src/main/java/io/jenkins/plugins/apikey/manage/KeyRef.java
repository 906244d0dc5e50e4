package io.jenkins.plugins.apikey.manage;

import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.domains.Domain;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Item;
import hudson.model.ModelObject;
import hudson.model.User;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Where a key lives: the context of its store, its domain and its credentials id. Two keys with
 * the same id in different stores are different keys, with states of their own.
 *
 * @param context {@code jenkins}, {@code item:<full name>}, {@code user:<id>} or {@code directory}
 * @param domain the domain's name, empty for the global domain
 * @param id the credentials id
 */
@Restricted(NoExternalUse.class)
public record KeyRef(
        @NonNull String context,
        @NonNull String domain,
        @NonNull String id) {

    static final String JENKINS = "jenkins";
    static final String DIRECTORY = "directory";
    static final String ITEM = "item:";
    static final String USER = "user:";

    private static final String SEPARATOR = "::";

    /** The key {@code id} in {@code domain} of {@code store}. */
    @NonNull
    public static KeyRef of(@NonNull CredentialsStore store, @CheckForNull Domain domain, @NonNull String id) {
        String name = domain == null ? null : domain.getName();
        return new KeyRef(contextOf(store.getContext()), name == null ? "" : name, id);
    }

    /** The key {@code id} of the secret directory. */
    @NonNull
    public static KeyRef directory(@NonNull String id) {
        return new KeyRef(DIRECTORY, "", id);
    }

    /** The reference as one string for forms and storage; each part is percent-encoded. */
    @NonNull
    public String encoded() {
        return encode(context) + SEPARATOR + encode(domain) + SEPARATOR + encode(id);
    }

    /** The reference that {@link #encoded()} gave, if {@code text} is one. */
    @NonNull
    public static Optional<KeyRef> parse(@CheckForNull String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.split(SEPARATOR, -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[2].isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new KeyRef(decode(parts[0]), decode(parts[1]), decode(parts[2])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return encoded();
    }

    private static String contextOf(ModelObject context) {
        if (context instanceof Item item) {
            return ITEM + item.getFullName();
        }
        if (context instanceof User user) {
            return USER + user.getId();
        }
        return JENKINS;
    }

    private static String encode(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8);
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }
}
