package io.jenkins.plugins.apikey.agent;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.model.Computer;
import hudson.model.Descriptor;
import hudson.model.Node;
import hudson.model.TaskListener;
import hudson.slaves.NodeProperty;
import hudson.slaves.NodePropertyDescriptor;
import io.jenkins.plugins.apikey.bind.BindingException;
import io.jenkins.plugins.apikey.bind.BindingPlan;
import io.jenkins.plugins.apikey.bind.BindingPlanner;
import io.jenkins.plugins.apikey.binding.KeyResolver;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * "API keys for builds on this agent": binds global keys as variables into every build that runs
 * on the agent (freestyle builds and Pipeline {@code node} blocks), or on every node when set in
 * the global properties; {@link AgentKeys} masks them in every build log. Only administrators may
 * add or change these keys, since every build on the agent can read them.
 */
public final class ApiKeyNodeProperty extends NodeProperty<Node> {

    private final List<AgentKey> keys;

    @DataBoundConstructor
    public ApiKeyNodeProperty(@CheckForNull List<AgentKey> keys) {
        this.keys = keys == null ? new ArrayList<>() : new ArrayList<>(keys);
    }

    @NonNull
    public List<AgentKey> getKeys() {
        return keys;
    }

    @Override
    public void buildEnvVars(@NonNull EnvVars env, @NonNull TaskListener listener) throws AbortException {
        Node usedOn = nodeOfThisBuild();
        BindingPlan plan = plan(usedOn, nodeName(usedOn));
        plan.warnings().forEach(listener.getLogger()::println);
        plan.variables().forEach(variable -> env.override(variable.name(), variable.value()));
    }

    /** The values to mask for these keys; resolving them records no use. */
    @NonNull
    List<String> maskValues() throws AbortException {
        return plan(null, nodeName(node)).maskValues();
    }

    /**
     * Keeps this property as it is when someone who is not an administrator saves the agent's
     * configuration, whatever the form said.
     */
    @Override
    public NodeProperty<?> reconfigure(StaplerRequest2 request, JSONObject form) throws Descriptor.FormException {
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return this;
        }
        return super.reconfigure(request, form);
    }

    private BindingPlan plan(@CheckForNull Node usedOn, String nodeName) throws AbortException {
        try {
            return BindingPlanner.plan(KeyResolver.resolveForNode(keys, usedOn, nodeName));
        } catch (BindingException e) {
            throw new AbortException(e.getMessage());
        }
    }

    /**
     * The node whose environment is being built: the one this property belongs to, else (for the
     * global properties) the one whose executor runs this thread.
     */
    @CheckForNull
    private Node nodeOfThisBuild() {
        if (node != null) {
            return node;
        }
        Computer computer = Computer.currentComputer();
        return computer == null ? null : computer.getNode();
    }

    private static String nodeName(@CheckForNull Node node) {
        return node == null || node.getNodeName().isEmpty()
                ? Messages.ApiKeyNodeProperty_BuiltIn()
                : node.getNodeName();
    }

    private Object readResolve() {
        return keys == null ? new ApiKeyNodeProperty(null) : this;
    }

    /** Describes the agent property; only administrators may add it. */
    @Extension
    @Symbol("apiKeys")
    public static final class DescriptorImpl extends NodePropertyDescriptor {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.ApiKeyNodeProperty_DisplayName();
        }

        @Override
        public NodeProperty<?> newInstance(StaplerRequest2 request, @NonNull JSONObject form)
                throws Descriptor.FormException {
            if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
                throw new Descriptor.FormException(Messages.ApiKeyNodeProperty_AdministratorsOnly(), "keys");
            }
            return super.newInstance(request, form);
        }
    }
}
