package io.jenkins.plugins.apikey.binding;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.model.Node;
import hudson.model.Run;
import hudson.security.ACL;
import io.jenkins.plugins.apikey.ApiKeyCredentials;
import io.jenkins.plugins.apikey.ClientCredentials;
import io.jenkins.plugins.apikey.bind.BindingException;
import io.jenkins.plugins.apikey.bind.BindingPlanner;
import io.jenkins.plugins.apikey.bind.BindingRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Resolves bindings into the engine's requests for one build: finds each credential as that build
 * may see it, checks its type and records its use.
 */
@Restricted(NoExternalUse.class)
public final class KeyResolver {

    private KeyResolver() {}

    /**
     * @throws AbortException naming the id and where it was looked up when a credential is missing,
     *     or the accepted types when it is of another type; never listing other credentials
     */
    @NonNull
    public static List<BindingRequest> resolve(@NonNull List<ApiKeyBinding> bindings, @NonNull Run<?, ?> run)
            throws AbortException {
        return resolve(bindings, run, true);
    }

    /**
     * The variables the bindings would fill with secrets, without recording a use; the explicitly
     * named ones only, when the credentials cannot be resolved.
     */
    @NonNull
    public static Set<String> sensitiveVariables(@NonNull List<ApiKeyBinding> bindings, @NonNull Run<?, ?> run) {
        try {
            return BindingPlanner.plan(resolve(bindings, run, false)).sensitiveVariables();
        } catch (AbortException | BindingException e) {
            Set<String> named = new LinkedHashSet<>();
            bindings.stream()
                    .map(ApiKeyBinding::getVariable)
                    .filter(Objects::nonNull)
                    .forEach(named::add);
            return named;
        }
    }

    private static List<BindingRequest> resolve(List<ApiKeyBinding> bindings, Run<?, ?> run, boolean track)
            throws AbortException {
        List<BindingRequest> requests = new ArrayList<>();
        for (ApiKeyBinding binding : bindings) {
            requests.add(resolve(binding, run, track));
        }
        return requests;
    }

    private static BindingRequest resolve(ApiKeyBinding binding, Run<?, ?> run, boolean track) throws AbortException {
        String id = binding.getCredentialsId();
        if (id == null) {
            throw new AbortException(Messages.KeyResolver_MissingId());
        }
        StandardCredentials found = CredentialsProvider.findCredentialById(id, StandardCredentials.class, run);
        if (found == null) {
            throw new AbortException(
                    Messages.KeyResolver_NotFound(id, run.getParent().getFullDisplayName()));
        }
        BindingRequest request = request(id, found, binding);
        if (track) {
            CredentialsProvider.track(run, found);
        }
        return request;
    }

    /**
     * Resolves bindings from the global credentials for builds on {@code node}.
     *
     * @param node where to record the use, or {@code null} to record none (when only masking)
     * @param nodeName the node's name for messages
     */
    @NonNull
    public static List<BindingRequest> resolveForNode(
            @NonNull List<ApiKeyBinding> bindings, @CheckForNull Node node, @NonNull String nodeName)
            throws AbortException {
        List<BindingRequest> requests = new ArrayList<>();
        for (ApiKeyBinding binding : bindings) {
            String id = binding.getCredentialsId();
            StandardCredentials found = id == null
                    ? null
                    : CredentialsProvider.findCredentialByIdInItemGroup(
                            id, StandardCredentials.class, Jenkins.get(), ACL.SYSTEM2, List.of());
            if (found == null) {
                throw new AbortException(Messages.KeyResolver_NotFoundForNode(String.valueOf(id), nodeName));
            }
            requests.add(request(id, found, binding));
            if (node != null) {
                CredentialsProvider.track(node, found);
            }
        }
        return requests;
    }

    private static BindingRequest request(String id, StandardCredentials found, ApiKeyBinding binding)
            throws AbortException {
        if (found instanceof ApiKeyCredentials key) {
            return new BindingRequest(id, key.getPreset(), key.keyMaterial(), binding.toOptions());
        }
        if (found instanceof ClientCredentials client) {
            return new BindingRequest(id, client.getPreset(), client.keyMaterial(), binding.toOptions());
        }
        throw new AbortException(
                Messages.KeyResolver_WrongType(id, found.getDescriptor().getDisplayName()));
    }
}
