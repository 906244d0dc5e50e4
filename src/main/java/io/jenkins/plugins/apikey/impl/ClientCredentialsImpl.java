package io.jenkins.plugins.apikey.impl;

import com.cloudbees.plugins.credentials.ContextInPath;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.impl.BaseStandardCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.ModelObject;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import hudson.util.Secret;
import io.jenkins.plugins.apikey.ClientCredentials;
import io.jenkins.plugins.apikey.manage.KeyStates;
import io.jenkins.plugins.apikey.preset.KeyMaterial;
import io.jenkins.plugins.apikey.preset.ServicePreset;
import io.jenkins.plugins.apikey.preset.ServicePresets;
import java.io.Serial;
import org.jenkinsci.Symbol;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/** A client id and secret pair stored in a credentials store; the secret is encrypted. */
public final class ClientCredentialsImpl extends BaseStandardCredentials implements ClientCredentials {

    @Serial
    private static final long serialVersionUID = 1L;

    private final @NonNull String username;
    private final @NonNull Secret password;
    private @NonNull String service = ServicePresets.XRAY_CLOUD.id();

    /**
     * @param username the client id
     * @param password the client secret
     */
    @DataBoundConstructor
    public ClientCredentialsImpl(
            @CheckForNull CredentialsScope scope,
            @CheckForNull String id,
            @CheckForNull String description,
            @CheckForNull String username,
            @NonNull Secret password) {
        super(scope, id, description);
        this.username = Util.fixNull(username).strip();
        this.password = password;
    }

    @NonNull
    @Override
    public String getUsername() {
        return username;
    }

    /**
     * The client secret, for any consumer of usernames and passwords.
     *
     * @throws com.cloudbees.plugins.credentials.CredentialsUnavailableException if the pair was revoked
     */
    @NonNull
    @Override
    public Secret getPassword() {
        KeyStates.checkNotRevoked(this, "password");
        return password;
    }

    /** The client secret as stored, revoked or not, for the credentials form. */
    @NonNull
    @Restricted(NoExternalUse.class)
    public Secret getStoredPassword() {
        return password;
    }

    /** The plain secret and client id, for this plugin's own checks and bindings, which check revocation themselves. */
    @NonNull
    @Override
    public KeyMaterial keyMaterial() {
        return new KeyMaterial(password.getPlainText(), username, null);
    }

    /** The client id is an identifier, shown as the hint; only the secret is masked. */
    @Override
    public boolean isUsernameSecret() {
        return false;
    }

    @NonNull
    @Override
    public String getService() {
        return service;
    }

    /** @param service the preset id; blank means {@code xray} */
    @DataBoundSetter
    public void setService(@CheckForNull String service) {
        String given = Util.fixEmptyAndTrim(service);
        this.service = given == null ? ServicePresets.XRAY_CLOUD.id() : given;
    }

    /** The form and validation of client credentials. */
    @Extension
    @Symbol("clientCredentials")
    public static final class DescriptorImpl extends BaseStandardCredentialsDescriptor {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.ClientCredentialsImpl_DisplayName();
        }

        @Override
        public String getDescription() {
            return Messages.ClientCredentialsImpl_Description();
        }

        @Override
        public String getIconClassName() {
            return "symbol-id-card";
        }

        @POST
        public ListBoxModel doFillServiceItems(@ContextInPath ModelObject context) {
            PresetForms.checkCanConfigure(context);
            return PresetForms.presetItems(ServicePresets.all(), ServicePreset::isClientCredentials);
        }

        @POST
        public FormValidation doCheckUsername(
                @ContextInPath ModelObject context, @QueryParameter String value, @QueryParameter String service) {
            PresetForms.checkCanConfigure(context);
            return Util.fixEmptyAndTrim(value) == null
                    ? FormValidation.ok()
                    : PresetForms.validation(preset(service).checkClientId(value));
        }

        @POST
        public FormValidation doCheckPassword(
                @ContextInPath ModelObject context, @QueryParameter String value, @QueryParameter String service) {
            PresetForms.checkCanConfigure(context);
            String secret = Secret.fromString(value).getPlainText();
            return secret.isEmpty()
                    ? FormValidation.ok()
                    : PresetForms.validation(preset(service).checkKey(secret));
        }

        /**
         * Asks the service whether the client id and secret in the form work (see {@link KeyTests}).
         * The fields are read as sent: Jenkins would decrypt a stored secret's ciphertext in a
         * {@code String} parameter, and {@link KeyTests} must know that it was one.
         */
        @POST
        public FormValidation doTestKey(@ContextInPath ModelObject context, StaplerRequest2 request)
                throws InterruptedException {
            PresetForms.checkCanConfigure(context);
            return KeyTests.test(
                    context,
                    ClientCredentialsImpl.class,
                    preset(request.getParameter("service")),
                    request.getParameter("password"),
                    request.getParameter("username"),
                    null,
                    request.getParameter("id"));
        }

        private static ServicePreset preset(String service) {
            return ServicePresets.byId(service)
                    .filter(ServicePreset::isClientCredentials)
                    .orElse(ServicePresets.XRAY_CLOUD);
        }
    }
}
