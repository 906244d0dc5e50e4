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
import io.jenkins.plugins.apikey.ApiKeyCredentials;
import io.jenkins.plugins.apikey.manage.KeyStates;
import io.jenkins.plugins.apikey.preset.KeyMaterial;
import io.jenkins.plugins.apikey.preset.ServicePreset;
import io.jenkins.plugins.apikey.preset.ServicePresets;
import java.io.Serial;
import java.util.stream.Collectors;
import org.jenkinsci.Symbol;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/** An API key stored in a credentials store, encrypted. */
public final class ApiKeyCredentialsImpl extends BaseStandardCredentials implements ApiKeyCredentials {

    @Serial
    private static final long serialVersionUID = 1L;

    private final @NonNull Secret secret;
    private final @NonNull String service;
    private @CheckForNull String serverUrl;
    private @CheckForNull String actsAs;

    /**
     * @param secret the key
     * @param service the preset id; blank means {@code generic}, an unknown id is kept as given
     */
    @DataBoundConstructor
    public ApiKeyCredentialsImpl(
            @CheckForNull CredentialsScope scope,
            @CheckForNull String id,
            @CheckForNull String description,
            @NonNull Secret secret,
            @CheckForNull String service) {
        super(scope, id, description);
        this.secret = secret;
        String given = Util.fixEmptyAndTrim(service);
        this.service = given == null ? ServicePresets.GENERIC.id() : given;
    }

    /**
     * The key, for any consumer of secret text.
     *
     * @throws com.cloudbees.plugins.credentials.CredentialsUnavailableException if the key was revoked
     */
    @NonNull
    @Override
    public Secret getSecret() {
        KeyStates.checkNotRevoked(this, "secret");
        return secret;
    }

    /** The key as stored, revoked or not, for the credentials form. */
    @NonNull
    @Restricted(NoExternalUse.class)
    public Secret getStoredSecret() {
        return secret;
    }

    /** The plain key and its server URL, for this plugin's own checks and bindings, which check revocation themselves. */
    @NonNull
    @Override
    public KeyMaterial keyMaterial() {
        return new KeyMaterial(secret.getPlainText(), null, serverUrl);
    }

    @NonNull
    @Override
    public String getService() {
        return service;
    }

    @CheckForNull
    @Override
    public String getServerUrl() {
        return serverUrl;
    }

    @DataBoundSetter
    public void setServerUrl(@CheckForNull String serverUrl) {
        this.serverUrl = Util.fixEmptyAndTrim(serverUrl);
    }

    @CheckForNull
    @Override
    public String getActsAs() {
        return actsAs;
    }

    @DataBoundSetter
    public void setActsAs(@CheckForNull String actsAs) {
        this.actsAs = Util.fixEmptyAndTrim(actsAs);
    }

    /** The form and validation of API keys. */
    @Extension
    @Symbol("apiKey")
    public static final class DescriptorImpl extends BaseStandardCredentialsDescriptor {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.ApiKeyCredentialsImpl_DisplayName();
        }

        @Override
        public String getDescription() {
            return Messages.ApiKeyCredentialsImpl_Description();
        }

        @Override
        public String getIconClassName() {
            return "symbol-key";
        }

        /** The ids of the services that use a server URL, separated by spaces, for the form. */
        @Restricted(NoExternalUse.class)
        public String getServerUrlServices() {
            return ServicePresets.all().stream()
                    .filter(ServicePreset::needsServerUrl)
                    .map(ServicePreset::id)
                    .collect(Collectors.joining(" "));
        }

        @POST
        public ListBoxModel doFillServiceItems(@ContextInPath ModelObject context) {
            PresetForms.checkCanConfigure(context);
            return PresetForms.presetItems(ServicePresets.all(), preset -> !preset.isClientCredentials());
        }

        @POST
        public FormValidation doCheckService(@ContextInPath ModelObject context, @QueryParameter String value) {
            PresetForms.checkCanConfigure(context);
            boolean known = ServicePresets.byId(value)
                    .filter(preset -> !preset.isClientCredentials())
                    .isPresent();
            return known || Util.fixEmptyAndTrim(value) == null
                    ? FormValidation.ok()
                    : FormValidation.error(Messages.ApiKeyCredentialsImpl_UnknownService());
        }

        @POST
        public FormValidation doCheckSecret(
                @ContextInPath ModelObject context, @QueryParameter String value, @QueryParameter String service) {
            PresetForms.checkCanConfigure(context);
            String key = Secret.fromString(value).getPlainText();
            return key.isEmpty()
                    ? FormValidation.ok()
                    : PresetForms.validation(preset(service).checkKey(key));
        }

        @POST
        public FormValidation doCheckServerUrl(
                @ContextInPath ModelObject context, @QueryParameter String value, @QueryParameter String service) {
            PresetForms.checkCanConfigure(context);
            ServicePreset preset = preset(service);
            if (!preset.needsServerUrl()) {
                return Util.fixEmptyAndTrim(value) == null
                        ? FormValidation.ok()
                        : FormValidation.warning(Messages.ApiKeyCredentialsImpl_ServerUrlUnused(preset.displayName()));
            }
            return PresetForms.validation(preset.checkServerUrl(value));
        }

        /**
         * Asks the service whether the key in the form works (see {@link KeyTests}). The fields are
         * read as sent: Jenkins would decrypt a stored key's ciphertext in a {@code String} parameter,
         * and {@link KeyTests} must know that it was one.
         */
        @POST
        public FormValidation doTestKey(@ContextInPath ModelObject context, StaplerRequest2 request)
                throws InterruptedException {
            PresetForms.checkCanConfigure(context);
            return KeyTests.test(
                    context,
                    ApiKeyCredentialsImpl.class,
                    preset(request.getParameter("service")),
                    request.getParameter("secret"),
                    null,
                    request.getParameter("serverUrl"),
                    request.getParameter("id"));
        }

        private static ServicePreset preset(String service) {
            return ServicePresets.byIdOrGeneric(service);
        }
    }
}
