package io.jenkins.plugins.apikey.agent;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.apikey.ServiceKeyCredentials;
import io.jenkins.plugins.apikey.bind.BindingOptions;
import io.jenkins.plugins.apikey.binding.ApiKeyBinding;
import io.jenkins.plugins.apikey.binding.KeyBinding;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * One global key bound as variables into every build on an agent. Only variables: key files,
 * agent configuration files and token exchanges belong to a build step ({@code withApiKey}).
 */
public final class AgentKey extends AbstractDescribableImpl<AgentKey> implements KeyBinding {

    private final @CheckForNull String credentialsId;
    private @CheckForNull String variable;
    private @CheckForNull String clientIdVariable;
    private @CheckForNull String argumentsVariable;

    @DataBoundConstructor
    public AgentKey(@CheckForNull String credentialsId) {
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

    @NonNull
    @Override
    public BindingOptions toOptions() {
        return new BindingOptions(variable, clientIdVariable, argumentsVariable, null, null, null);
    }

    /** The form of an agent key; everything in it is for administrators only. */
    @Extension
    @Symbol("agentKey")
    public static final class DescriptorImpl extends Descriptor<AgentKey> {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.AgentKey_DisplayName();
        }

        /** The global-scoped API keys of Jenkins itself; SYSTEM-scoped ones are never for builds. */
        @POST
        public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId) {
            StandardListBoxModel result = new StandardListBoxModel();
            if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
                return result.includeCurrentValue(credentialsId);
            }
            return result.includeEmptyValue()
                    .includeMatchingAs(
                            ACL.SYSTEM2,
                            Jenkins.get(),
                            StandardCredentials.class,
                            List.of(),
                            CredentialsMatchers.allOf(
                                    CredentialsMatchers.instanceOf(ServiceKeyCredentials.class),
                                    CredentialsMatchers.not(CredentialsMatchers.withScope(CredentialsScope.SYSTEM))))
                    .includeCurrentValue(credentialsId);
        }

        @POST
        public FormValidation doCheckCredentialsId(@QueryParameter String value) {
            if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
                return FormValidation.ok();
            }
            return Util.fixEmptyAndTrim(value) == null
                    ? FormValidation.error(Messages.AgentKey_CredentialsIdMissing())
                    : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckVariable(@QueryParameter String value) {
            return ApiKeyBinding.DescriptorImpl.checkVariableName(null, value);
        }

        @POST
        public FormValidation doCheckClientIdVariable(@QueryParameter String value) {
            return ApiKeyBinding.DescriptorImpl.checkVariableName(null, value);
        }

        @POST
        public FormValidation doCheckArgumentsVariable(@QueryParameter String value) {
            return ApiKeyBinding.DescriptorImpl.checkVariableName(null, value);
        }
    }
}
