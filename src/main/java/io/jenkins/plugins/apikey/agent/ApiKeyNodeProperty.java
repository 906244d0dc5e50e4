package io.jenkins.plugins.apikey.agent;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.model.Node;
import hudson.model.TaskListener;
import hudson.slaves.NodeProperty;
import hudson.slaves.NodePropertyDescriptor;
import io.jenkins.plugins.apikey.bind.BindingException;
import io.jenkins.plugins.apikey.bind.BindingPlan;
import io.jenkins.plugins.apikey.bind.BindingPlanner;
import io.jenkins.plugins.apikey.binding.ApiKeyBinding;
import io.jenkins.plugins.apikey.binding.KeyResolver;
import java.util.List;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * "API keys for builds on this agent": binds the chosen global keys as variables into every build
 * that runs on the agent (freestyle builds and Pipeline {@code node} blocks); {@link
 * AgentKeysLogFilter} masks them in every build log. Key files and token exchanges need a build
 * step, so they are refused here.
 */
public final class ApiKeyNodeProperty extends NodeProperty<Node> {

    private final @NonNull List<ApiKeyBinding> bindings;

    @DataBoundConstructor
    public ApiKeyNodeProperty(@CheckForNull List<ApiKeyBinding> bindings) {
        this.bindings = bindings == null ? List.of() : List.copyOf(bindings);
    }

    @NonNull
    public List<ApiKeyBinding> getBindings() {
        return bindings;
    }

    @Override
    public void buildEnvVars(@NonNull EnvVars env, @NonNull TaskListener listener) throws AbortException {
        BindingPlan plan = plan(node);
        if (!plan.files().isEmpty() || !plan.exchanges().isEmpty()) {
            throw new AbortException(Messages.ApiKeyNodeProperty_VariablesOnly(nodeName()));
        }
        plan.warnings().forEach(listener.getLogger()::println);
        plan.variables().forEach(variable -> env.override(variable.name(), variable.value()));
    }

    /** The values to mask for this agent's keys; resolving them records no use. */
    @NonNull
    List<String> maskValues() throws AbortException {
        return plan(null).maskValues();
    }

    /** The plan of this agent's keys from the global credentials, recording their use on {@code usedOn}. */
    @NonNull
    private BindingPlan plan(@CheckForNull Node usedOn) throws AbortException {
        try {
            return BindingPlanner.plan(KeyResolver.resolveForNode(bindings, usedOn, nodeName()));
        } catch (BindingException e) {
            throw new AbortException(e.getMessage());
        }
    }

    private String nodeName() {
        return node == null || node.getNodeName().isEmpty()
                ? Messages.ApiKeyNodeProperty_BuiltIn()
                : node.getNodeName();
    }

    /** Describes the agent property. */
    @Extension
    @Symbol("apiKeys")
    public static final class DescriptorImpl extends NodePropertyDescriptor {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.ApiKeyNodeProperty_DisplayName();
        }
    }
}
