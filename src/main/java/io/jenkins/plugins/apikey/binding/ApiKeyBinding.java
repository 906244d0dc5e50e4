package io.jenkins.plugins.apikey.binding;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Extension;
import hudson.Util;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.apikey.ServiceKeyCredentials;
import io.jenkins.plugins.apikey.bind.BindingOptions;
import io.jenkins.plugins.apikey.bind.BindingPlanner;
import io.jenkins.plugins.apikey.exchange.XrayRegion;
import java.net.URI;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * One key to bind, by credentials id, with optional variable names, a key file, a Katalon TestOps
 * agent configuration file and, for client credentials, a token exchange. Holds ids and options,
 * never key material.
 */
public final class ApiKeyBinding extends AbstractDescribableImpl<ApiKeyBinding> implements KeyBinding {

    /** The credentials a binding accepts. */
    static final CredentialsMatcher API_KEY_TYPES = CredentialsMatchers.instanceOf(ServiceKeyCredentials.class);

    private final @CheckForNull String credentialsId;
    private @CheckForNull String variable;
    private @CheckForNull String clientIdVariable;
    private @CheckForNull String argumentsVariable;
    private boolean keyFile;
    private @CheckForNull String keyFileVariable;
    private @CheckForNull AgentConfigOption agentConfig;
    private boolean exchangeToken;
    private @CheckForNull String tokenVariable;
    private @CheckForNull String region;
    private @CheckForNull String tokenBaseUrl;

    @DataBoundConstructor
    public ApiKeyBinding(@CheckForNull String credentialsId) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
    }

    @CheckForNull
    @Override
    public String getCredentialsId() {
        return credentialsId;
    }

    @CheckForNull
    public String getVariable() {
        return variable;
    }

    /** The variable for the key (client credentials: the secret); the preset's default if empty. */
    @DataBoundSetter
    public void setVariable(@CheckForNull String variable) {
        this.variable = Util.fixEmptyAndTrim(variable);
    }

    @CheckForNull
    public String getClientIdVariable() {
        return clientIdVariable;
    }

    @DataBoundSetter
    public void setClientIdVariable(@CheckForNull String clientIdVariable) {
        this.clientIdVariable = Util.fixEmptyAndTrim(clientIdVariable);
    }

    @CheckForNull
    public String getArgumentsVariable() {
        return argumentsVariable;
    }

    @DataBoundSetter
    public void setArgumentsVariable(@CheckForNull String argumentsVariable) {
        this.argumentsVariable = Util.fixEmptyAndTrim(argumentsVariable);
    }

    public boolean isKeyFile() {
        return keyFile;
    }

    @DataBoundSetter
    public void setKeyFile(boolean keyFile) {
        this.keyFile = keyFile;
    }

    @CheckForNull
    public String getKeyFileVariable() {
        return keyFileVariable;
    }

    @DataBoundSetter
    public void setKeyFileVariable(@CheckForNull String keyFileVariable) {
        this.keyFileVariable = Util.fixEmptyAndTrim(keyFileVariable);
    }

    @CheckForNull
    public AgentConfigOption getAgentConfig() {
        return agentConfig;
    }

    @DataBoundSetter
    public void setAgentConfig(@CheckForNull AgentConfigOption agentConfig) {
        this.agentConfig = agentConfig;
    }

    public boolean isExchangeToken() {
        return exchangeToken;
    }

    @DataBoundSetter
    public void setExchangeToken(boolean exchangeToken) {
        this.exchangeToken = exchangeToken;
    }

    @CheckForNull
    public String getTokenVariable() {
        return tokenVariable;
    }

    @DataBoundSetter
    public void setTokenVariable(@CheckForNull String tokenVariable) {
        this.tokenVariable = Util.fixEmptyAndTrim(tokenVariable);
    }

    @CheckForNull
    public String getRegion() {
        return region;
    }

    /** The Xray Cloud region for the token exchange: {@code GLOBAL} (default), {@code US}, {@code EU}, {@code AU}. */
    @DataBoundSetter
    public void setRegion(@CheckForNull String region) {
        this.region = Util.fixEmptyAndTrim(region);
    }

    @CheckForNull
    public String getTokenBaseUrl() {
        return tokenBaseUrl;
    }

    /** A base URL for the token exchange that overrides the region, such as a proxy. */
    @DataBoundSetter
    public void setTokenBaseUrl(@CheckForNull String tokenBaseUrl) {
        this.tokenBaseUrl = Util.fixEmptyAndTrim(tokenBaseUrl);
    }

    /**
     * The engine's options for this binding.
     *
     * @throws AbortException when the token base URL is not a URL, or not one the controller may
     *     send client credentials to
     */
    @NonNull
    @Override
    public BindingOptions toOptions() throws AbortException {
        BindingOptions.KeyFile file =
                keyFile || keyFileVariable != null ? new BindingOptions.KeyFile(keyFileVariable) : null;
        BindingOptions.Token token =
                exchangeToken || tokenVariable != null ? new BindingOptions.Token(tokenVariable, tokenBaseUrl()) : null;
        return new BindingOptions(
                variable,
                clientIdVariable,
                argumentsVariable,
                file,
                agentConfig == null ? null : agentConfig.toOption(),
                token);
    }

    private URI tokenBaseUrl() throws AbortException {
        if (tokenBaseUrl == null) {
            return XrayRegion.byName(region).orElse(XrayRegion.GLOBAL).baseUrl();
        }
        if (!TokenEndpoints.isHttpUrl(tokenBaseUrl)) {
            throw new AbortException(Messages.ApiKeyBinding_TokenBaseUrlInvalid(credentialsId));
        }
        URI base = URI.create(tokenBaseUrl);
        if (!TokenEndpoints.get().allows(base)) {
            throw new AbortException(Messages.ApiKeyBinding_TokenBaseUrlNotAllowed(credentialsId, tokenBaseUrl));
        }
        return base;
    }

    /** The form, the credentials drop-down and the checks of a binding. */
    @Extension
    @Symbol("key")
    public static final class DescriptorImpl extends Descriptor<ApiKeyBinding> {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.ApiKeyBinding_DisplayName();
        }

        /** The API-key credentials the item can use; only for users who may configure it. */
        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            StandardListBoxModel result = new StandardListBoxModel();
            if (!canConfigure(item)) {
                return result.includeCurrentValue(credentialsId);
            }
            if (item == null) {
                return result.includeEmptyValue()
                        .includeMatchingAs(
                                ACL.SYSTEM2, Jenkins.get(), StandardCredentials.class, List.of(), API_KEY_TYPES)
                        .includeCurrentValue(credentialsId);
            }
            return result.includeEmptyValue()
                    .includeMatchingAs(
                            item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2,
                            item,
                            StandardCredentials.class,
                            List.of(),
                            API_KEY_TYPES)
                    .includeCurrentValue(credentialsId);
        }

        @POST
        public FormValidation doCheckCredentialsId(@AncestorInPath Item item, @QueryParameter String value) {
            if (!canConfigure(item)) {
                return FormValidation.ok();
            }
            return Util.fixEmptyAndTrim(value) == null
                    ? FormValidation.error(Messages.ApiKeyBinding_CredentialsIdMissing())
                    : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckVariable(@AncestorInPath Item item, @QueryParameter String value) {
            return checkVariableName(item, value);
        }

        @POST
        public FormValidation doCheckClientIdVariable(@AncestorInPath Item item, @QueryParameter String value) {
            return checkVariableName(item, value);
        }

        @POST
        public FormValidation doCheckArgumentsVariable(@AncestorInPath Item item, @QueryParameter String value) {
            return checkVariableName(item, value);
        }

        @POST
        public FormValidation doCheckKeyFileVariable(@AncestorInPath Item item, @QueryParameter String value) {
            return checkVariableName(item, value);
        }

        @POST
        public FormValidation doCheckTokenVariable(@AncestorInPath Item item, @QueryParameter String value) {
            return checkVariableName(item, value);
        }

        /** The regions, after an empty choice that means the global endpoint and is not saved. */
        @POST
        public ListBoxModel doFillRegionItems(@AncestorInPath Item item) {
            ListBoxModel regions = new ListBoxModel();
            regions.add(
                    Messages.ApiKeyBinding_DefaultRegion(
                            XrayRegion.GLOBAL.baseUrl().getHost()),
                    "");
            if (canConfigure(item)) {
                for (XrayRegion region : XrayRegion.values()) {
                    regions.add(region.name() + " (" + region.baseUrl().getHost() + ")", region.name());
                }
            }
            return regions;
        }

        /** Warns when a token exchange is asked for credentials that are not client credentials. */
        @POST
        public FormValidation doCheckExchangeToken(
                @AncestorInPath Item item, @QueryParameter boolean value, @QueryParameter String credentialsId) {
            if (!value || !canConfigure(item) || Util.fixEmptyAndTrim(credentialsId) == null) {
                return FormValidation.ok();
            }
            ServiceKeyCredentials chosen = CredentialsMatchers.firstOrNull(
                    CredentialsProvider.lookupCredentialsInItem(
                            ServiceKeyCredentials.class,
                            item,
                            item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2,
                            List.of()),
                    CredentialsMatchers.withId(credentialsId));
            return chosen == null || chosen.getPreset().isClientCredentials()
                    ? FormValidation.ok()
                    : FormValidation.warning(Messages.ApiKeyBinding_TokenNeedsClientCredentials(
                            chosen.getPreset().displayName()));
        }

        @POST
        public FormValidation doCheckTokenBaseUrl(@AncestorInPath Item item, @QueryParameter String value) {
            String url = Util.fixEmptyAndTrim(value);
            if (!canConfigure(item) || url == null) {
                return FormValidation.ok();
            }
            if (!TokenEndpoints.isHttpUrl(url)) {
                return FormValidation.error(Messages.ApiKeyBinding_TokenBaseUrlNotAUrl());
            }
            return TokenEndpoints.get().allows(URI.create(url))
                    ? FormValidation.ok()
                    : FormValidation.error(Messages.ApiKeyBinding_TokenBaseUrlNotListed());
        }

        /** Item/Configure on the item, or Overall/Administer outside any item (agents). */
        static boolean canConfigure(@CheckForNull Item item) {
            return item == null ? Jenkins.get().hasPermission(Jenkins.ADMINISTER) : item.hasPermission(Item.CONFIGURE);
        }

        /** Checks a variable name for users who may configure {@code item} (Jenkins itself when {@code null}). */
        @Restricted(NoExternalUse.class)
        public static FormValidation checkVariableName(@CheckForNull Item item, String value) {
            if (!canConfigure(item)) {
                return FormValidation.ok();
            }
            String name = Util.fixEmptyAndTrim(value);
            return name == null || BindingPlanner.isValidVariableName(name)
                    ? FormValidation.ok()
                    : FormValidation.error(Messages.ApiKeyBinding_InvalidVariable(name));
        }
    }
}
