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
import io.jenkins.plugins.apikey.preset.ServicePreset;
import io.jenkins.plugins.apikey.preset.ServicePresets;
import java.io.Serial;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
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

    @NonNull
    @Override
    public Secret getSecret() {
        return secret;
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
        public String getIconClassName() {
            return "symbol-key";
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
            return PresetForms.validation(preset(service).checkKey(key));
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

        private static ServicePreset preset(String service) {
            return ServicePresets.byIdOrGeneric(service);
        }
    }
}
