package io.jenkins.plugins.apikey.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.util.Secret;
import io.jenkins.plugins.apikey.binding.AppliedKeys;
import java.io.Serial;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The variables a {@code withApiKey} block sees. Secret values are kept as {@link Secret}s, so
 * {@code program.dat} holds them encrypted, and are reported as sensitive, so Pipeline warns
 * about Groovy string interpolation of them.
 */
@Restricted(NoExternalUse.class)
final class KeyEnvironment extends EnvironmentExpander {

    @Serial
    private static final long serialVersionUID = 1L;

    private final Map<String, Secret> secret = new LinkedHashMap<>();
    private final Map<String, String> shown;

    KeyEnvironment(AppliedKeys keys) {
        keys.secretVariables().forEach((name, value) -> secret.put(name, Secret.fromString(value)));
        this.shown = new LinkedHashMap<>(keys.publicVariables());
    }

    @Override
    public void expand(@NonNull EnvVars env) {
        secret.forEach((name, value) -> env.override(name, value.getPlainText()));
        shown.forEach(env::override);
    }

    @NonNull
    @Override
    public Set<String> getSensitiveVariables() {
        return Set.copyOf(secret.keySet());
    }
}
