package io.jenkins.plugins.apikey.impl;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.domains.Domain;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Util;
import hudson.model.ModelObject;
import hudson.util.FormValidation;
import hudson.util.Secret;
import io.jenkins.plugins.apikey.ServiceKeyCredentials;
import io.jenkins.plugins.apikey.manage.ServiceChecks;
import io.jenkins.plugins.apikey.preset.KeyMaterial;
import io.jenkins.plugins.apikey.preset.ServicePreset;
import io.jenkins.plugins.apikey.verify.Outcome;
import io.jenkins.plugins.apikey.verify.Verification;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The "Test key" button of the credential forms: asks the key's own service whether the key in the
 * form works, the one being typed or, when the field was left as it was, the stored one.
 *
 * <p>A field left as it was comes back as this controller's ciphertext of the stored key. Such a
 * value is only sent when it is the key of the credentials being edited, in this form's store, and
 * with that credentials' own server URL: otherwise a user who can create credentials somewhere
 * could have any key whose ciphertext they saw sent to a server of their choosing.
 */
@Restricted(NoExternalUse.class)
final class KeyTests {

    private KeyTests() {}

    /**
     * Tests the key of a form.
     *
     * @param context where the form is, already checked for permission
     * @param type the credentials type of the form
     * @param value the key field as submitted
     * @param clientId the client id of client credentials, else {@code null}
     * @param serverUrl the server URL field, or {@code null}
     * @param id the id field: the credentials being edited, if any
     */
    static FormValidation test(
            ModelObject context,
            Class<? extends ServiceKeyCredentials> type,
            ServicePreset preset,
            @CheckForNull String value,
            @CheckForNull String clientId,
            @CheckForNull String serverUrl,
            @CheckForNull String id)
            throws InterruptedException {
        String submitted = Util.fixNull(value);
        String url = preset.needsServerUrl() ? Util.fixEmptyAndTrim(serverUrl) : null;
        String key;
        Secret stored = Secret.decrypt(submitted);
        if (stored != null) {
            key = stored.getPlainText();
            if (!isOwnKey(context, type, Util.fixEmptyAndTrim(id), key, url)) {
                return FormValidation.error(Messages.KeyTests_TypeAgain());
            }
        } else {
            key = submitted;
        }
        if (key.isEmpty()) {
            return FormValidation.error(Messages.KeyTests_Empty());
        }
        Verification verification = ServiceChecks.check(
                ServiceChecks.verifier(), preset, new KeyMaterial(key, Util.fixEmptyAndTrim(clientId), url));
        if (verification.outcome() == Outcome.NOT_SENT) {
            return FormValidation.error(verification.message());
        }
        String message = Messages.KeyTests_Answer(
                verification.message(), verification.elapsed().toMillis());
        return switch (verification.verdict()) {
            case VALID -> FormValidation.ok(message);
            case REJECTED -> FormValidation.error(message);
            case UNKNOWN -> FormValidation.warning(message);
        };
    }

    /** Whether {@code key} is the stored key of credentials {@code id} of the form's own store, with server URL {@code url}. */
    private static boolean isOwnKey(
            ModelObject context,
            Class<? extends ServiceKeyCredentials> type,
            @CheckForNull String id,
            String key,
            @CheckForNull String url) {
        if (id == null) {
            return false;
        }
        for (CredentialsStore store : CredentialsProvider.lookupStores(context)) {
            if (store.getContext() != context) {
                continue;
            }
            for (Domain domain : store.getDomains()) {
                for (Credentials credentials : store.getCredentials(domain)) {
                    if (type.isInstance(credentials)
                            && id.equals(type.cast(credentials).getId())
                            && matches(type.cast(credentials).keyMaterial(), key, url)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean matches(KeyMaterial material, String key, @CheckForNull String url) {
        boolean sameKey = MessageDigest.isEqual(
                material.key().getBytes(StandardCharsets.UTF_8), key.getBytes(StandardCharsets.UTF_8));
        return sameKey && (url == null || Objects.equals(Util.fixEmptyAndTrim(material.serverUrl()), url));
    }
}
