package io.jenkins.plugins.apikey.manage;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ProxyConfiguration;
import io.jenkins.plugins.apikey.preset.Finding;
import io.jenkins.plugins.apikey.preset.KeyMaterial;
import io.jenkins.plugins.apikey.preset.ServicePreset;
import io.jenkins.plugins.apikey.verify.KeyVerifier;
import io.jenkins.plugins.apikey.verify.Outcome;
import io.jenkins.plugins.apikey.verify.Verification;
import java.util.Optional;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Asks a key's own service whether the key works, through the Jenkins proxy: to the preset's
 * server, or for on-premise services to the key's server URL, never to a URL from elsewhere. A key
 * that fails its preset's checks is not sent.
 */
@Restricted(NoExternalUse.class)
public final class ServiceChecks {

    private ServiceChecks() {}

    /** A verifier through the Jenkins proxy as it is configured now, for one key or one run of many. */
    @NonNull
    public static KeyVerifier verifier() {
        return new KeyVerifier(ProxyConfiguration.newHttpClientBuilder(), KeyVerifier.DEFAULT_TIMEOUT);
    }

    /**
     * Verifies {@code material} with {@code preset}'s verifier; a key that fails its format checks
     * comes back {@link Outcome#NOT_SENT} with the first error, and nothing is sent.
     */
    @NonNull
    public static Verification check(
            @NonNull KeyVerifier verifier, @NonNull ServicePreset preset, @NonNull KeyMaterial material)
            throws InterruptedException {
        Optional<Finding> error =
                preset.check(material).stream().filter(Finding::isError).findFirst();
        if (error.isPresent()) {
            return Verification.notSent(error.get().message());
        }
        return verifier.verify(preset, material, null);
    }
}
