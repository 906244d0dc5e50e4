package io.jenkins.plugins.apikey.binding;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
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
import io.jenkins.plugins.apikey.bind.BindingOptions;
import io.jenkins.plugins.apikey.bind.BindingPlanner;
import io.jenkins.plugins.apikey.bind.BindingRequest;
import io.jenkins.plugins.apikey.inventory.KeyRecord;
import io.jenkins.plugins.apikey.inventory.RotationPolicy;
import io.jenkins.plugins.apikey.manage.ApiKeyPolicy;
import io.jenkins.plugins.apikey.manage.KeyLocator;
import io.jenkins.plugins.apikey.manage.KeyRef;
import io.jenkins.plugins.apikey.manage.KeyStates;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Resolves bindings into the engine's requests for one build or agent: finds each credential as
 * that build may see it, checks its type, refuses revoked and (when the policy says so) expired
 * keys, and records the use.
 */
@Restricted(NoExternalUse.class)
public final class KeyResolver {

    private KeyResolver() {}

    /**
     * @throws AbortException naming the id and where it was looked up when a credential is missing,
     *     the accepted types when it is of another type, or why it may not be bound; never listing
     *     other credentials
     */
    @NonNull
    public static List<BindingRequest> resolve(@NonNull List<? extends KeyBinding> bindings, @NonNull Run<?, ?> run)
            throws AbortException {
        List<BindingRequest> requests = new ArrayList<>();
        for (KeyBinding binding : bindings) {
            String id = binding.getCredentialsId();
            if (id == null) {
                throw new AbortException(Messages.KeyResolver_MissingId());
            }
            StandardCredentials found = CredentialsProvider.findCredentialById(id, StandardCredentials.class, run);
            if (found == null) {
                throw new AbortException(
                        Messages.KeyResolver_NotFound(id, run.getParent().getFullDisplayName()));
            }
            BindingRequest request = request(id, found, binding.toOptions());
            KeyRef ref = KeyLocator.locate(found, run.getParent()).orElse(null);
            checkUsable(id, ref, request);
            CredentialsProvider.track(run, found);
            if (ref != null) {
                KeyStates.get().recordUse(ref, run.getFullDisplayName(), run.getUrl());
            }
            requests.add(request);
        }
        return requests;
    }

    /**
     * The variables the bindings would fill with secrets, without recording a use; the explicitly
     * named ones only, when the credentials cannot be resolved.
     */
    @NonNull
    public static Set<String> sensitiveVariables(@NonNull List<? extends KeyBinding> bindings, @NonNull Run<?, ?> run) {
        try {
            List<BindingRequest> requests = new ArrayList<>();
            for (KeyBinding binding : bindings) {
                String id = binding.getCredentialsId();
                StandardCredentials found =
                        id == null ? null : CredentialsProvider.findCredentialById(id, StandardCredentials.class, run);
                if (found == null) {
                    return namedVariables(bindings);
                }
                requests.add(request(id, found, binding.toOptions()));
            }
            return BindingPlanner.plan(requests).sensitiveVariables();
        } catch (AbortException | BindingException e) {
            return namedVariables(bindings);
        }
    }

    private static Set<String> namedVariables(List<? extends KeyBinding> bindings) {
        Set<String> named = new LinkedHashSet<>();
        for (KeyBinding binding : bindings) {
            try {
                String variable = binding.toOptions().keyVariable();
                if (variable != null) {
                    named.add(variable);
                }
            } catch (AbortException e) {
                // the build fails with this message when it binds; nothing more to name here
            }
        }
        return named;
    }

    /**
     * Resolves agent bindings from the global credentials: never SYSTEM-scoped ones, which are for
     * Jenkins itself and never for builds (no scope at all counts as global).
     *
     * @param node where the keys are bound (checked for revocation and expiry, use recorded), or
     *     {@code null} when they are only resolved to be masked
     * @param nodeName the node's name for messages
     */
    @NonNull
    public static List<BindingRequest> resolveForNode(
            @NonNull List<? extends KeyBinding> bindings, @CheckForNull Node node, @NonNull String nodeName)
            throws AbortException {
        List<BindingRequest> requests = new ArrayList<>();
        for (KeyBinding binding : bindings) {
            String id = binding.getCredentialsId();
            StandardCredentials found = id == null ? null : globalCredentials(id);
            if (found == null) {
                throw new AbortException(Messages.KeyResolver_NotFoundForNode(String.valueOf(id), nodeName));
            }
            BindingRequest request = request(id, found, binding.toOptions());
            if (node != null) {
                KeyRef ref = KeyLocator.locate(found, Jenkins.get()).orElse(null);
                checkUsable(id, ref, request);
                CredentialsProvider.track(node, found);
                if (ref != null) {
                    KeyStates.get().recordUse(ref, nodeName, null);
                }
            }
            requests.add(request);
        }
        return requests;
    }

    @CheckForNull
    private static StandardCredentials globalCredentials(String id) {
        return CredentialsMatchers.firstOrNull(
                CredentialsProvider.lookupCredentialsInItemGroup(
                        StandardCredentials.class, Jenkins.get(), ACL.SYSTEM2, List.of()),
                CredentialsMatchers.allOf(
                        CredentialsMatchers.withId(id),
                        CredentialsMatchers.not(CredentialsMatchers.withScope(CredentialsScope.SYSTEM))));
    }

    /**
     * Refuses a revoked key, and an expired one when the policy says so; notes a rotation made
     * anywhere since the key was last seen.
     */
    private static void checkUsable(String id, @CheckForNull KeyRef ref, BindingRequest request) throws AbortException {
        if (ref == null) {
            return;
        }
        KeyStates.State state = KeyStates.get().observe(ref, request.material());
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
            for (RotationPolicy.Violation violation : policy.toPolicy().check(record, Instant.now())) {
                if (violation.kind() == RotationPolicy.Violation.Kind.TOO_OLD) {
                    throw new AbortException(EngineMessages.expiredRefused(violation.message()));
                }
            }
        }
    }

    private static BindingRequest request(String id, StandardCredentials found, BindingOptions options)
            throws AbortException {
        if (found instanceof ServiceKeyCredentials key) {
            return BindingRequest.of(id, key.getPreset(), key.keyMaterial(), options);
        }
        throw new AbortException(
                Messages.KeyResolver_WrongType(id, found.getDescriptor().getDisplayName()));
    }
}
