package io.jenkins.plugins.apikey.binding;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.model.Node;
import hudson.model.Run;
import hudson.security.ACL;
import io.jenkins.plugins.apikey.EngineMessages;
import io.jenkins.plugins.apikey.ServiceKeyCredentials;
import io.jenkins.plugins.apikey.bind.BindingException;
import io.jenkins.plugins.apikey.bind.BindingPlanner;
import io.jenkins.plugins.apikey.bind.BindingRequest;
import io.jenkins.plugins.apikey.inventory.KeyRecord;
import io.jenkins.plugins.apikey.inventory.RotationPolicy;
import io.jenkins.plugins.apikey.manage.ApiKeyPolicy;
import io.jenkins.plugins.apikey.manage.KeyStates;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
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
            checkUsable(id, request);
            CredentialsProvider.track(run, found);
            KeyStates.get().recordUse(id, run.getFullDisplayName());
        }
        return request;
    }

    /**
     * Resolves bindings from the global credentials for builds on {@code node}.
     *
     * @param node where the keys are bound (checked for revocation and expiry, use recorded), or
     *     {@code null} when they are only resolved to be masked
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
            BindingRequest request = request(id, found, binding);
            if (node != null) {
                checkUsable(id, request);
                CredentialsProvider.track(node, found);
            }
            requests.add(request);
        }
        return requests;
    }

    /**
     * Refuses a revoked key, and an expired one when the policy says so; notes a rotation made
     * anywhere since the key was last seen.
     */
    private static void checkUsable(String id, BindingRequest request) throws AbortException {
        KeyStates.State state = KeyStates.get().observe(id, request.material());
        if (state.revokedAt() != null) {
            throw new AbortException(EngineMessages.revoked(
                    id, DateTimeFormatter.ISO_INSTANT.format(state.revokedAt()), state.revokedBy()));
        }
        ApiKeyPolicy policy = ApiKeyPolicy.get();
        if (policy.isFailBuildsOnExpiredKeys()) {
            KeyRecord record = new KeyRecord(
                    id,
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    state.firstSeen(),
                    state.lastRotated(),
                    state.lastUsed(),
                    state.lastUsedBy(),
                    null,
                    null,
                    true);
            Instant now = Instant.now();
            for (RotationPolicy.Violation violation : policy.toPolicy().check(record, now)) {
                if (violation.kind() == RotationPolicy.Violation.Kind.TOO_OLD) {
                    throw new AbortException(EngineMessages.expiredRefused(violation.message()));
                }
            }
        }
    }

    private static BindingRequest request(String id, StandardCredentials found, ApiKeyBinding binding)
            throws AbortException {
        if (found instanceof ServiceKeyCredentials key) {
            return new BindingRequest(id, key.getPreset(), key.keyMaterial(), binding.toOptions());
        }
        throw new AbortException(
                Messages.KeyResolver_WrongType(id, found.getDescriptor().getDisplayName()));
    }
}
