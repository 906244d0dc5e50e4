package io.jenkins.plugins.apikey.binding;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import io.jenkins.plugins.apikey.bind.BindingOptions;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** Asks for a Katalon TestOps agent {@code agentconfig} file holding the key. */
public final class AgentConfigOption extends AbstractDescribableImpl<AgentConfigOption> {

    private @CheckForNull String variable;
    private @CheckForNull String serverUrl;
    private @CheckForNull String organizationId;
    private @CheckForNull String agentName;
    private @CheckForNull String email;

    @DataBoundConstructor
    public AgentConfigOption() {}

    @CheckForNull
    public String getVariable() {
        return variable;
    }

    @DataBoundSetter
    public void setVariable(@CheckForNull String variable) {
        this.variable = Util.fixEmptyAndTrim(variable);
    }

    @CheckForNull
    public String getServerUrl() {
        return serverUrl;
    }

    @DataBoundSetter
    public void setServerUrl(@CheckForNull String serverUrl) {
        this.serverUrl = Util.fixEmptyAndTrim(serverUrl);
    }

    @CheckForNull
    public String getOrganizationId() {
        return organizationId;
    }

    @DataBoundSetter
    public void setOrganizationId(@CheckForNull String organizationId) {
        this.organizationId = Util.fixEmptyAndTrim(organizationId);
    }

    @CheckForNull
    public String getAgentName() {
        return agentName;
    }

    @DataBoundSetter
    public void setAgentName(@CheckForNull String agentName) {
        this.agentName = Util.fixEmptyAndTrim(agentName);
    }

    @CheckForNull
    public String getEmail() {
        return email;
    }

    @DataBoundSetter
    public void setEmail(@CheckForNull String email) {
        this.email = Util.fixEmptyAndTrim(email);
    }

    BindingOptions.AgentConfig toOption() {
        return new BindingOptions.AgentConfig(variable, serverUrl, organizationId, agentName, email);
    }

    /** Describes the agent configuration option. */
    @Extension
    public static final class DescriptorImpl extends Descriptor<AgentConfigOption> {}
}
