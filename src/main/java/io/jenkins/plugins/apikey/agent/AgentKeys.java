package io.jenkins.plugins.apikey.agent;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.model.Node;
import io.jenkins.plugins.apikey.log.MaskingLogFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The keys that {@link ApiKeyNodeProperty} binds anywhere: on the built-in node, on each agent and
 * in the global node properties. A build decorates its log before it knows its agent, so every
 * agent's keys are masked in every build log, which can only hide more.
 */
@Restricted(NoExternalUse.class)
final class AgentKeys {

    private static final Logger LOGGER = Logger.getLogger(AgentKeys.class.getName());

    /** The filter for the last set of values, so that logs of many steps share one compiled matcher. */
    private static volatile Cached cached;

    private record Cached(List<String> values, MaskingLogFilter filter) {}

    private AgentKeys() {}

    /** A filter masking every agent key, or {@code null} when no agent has keys. */
    @CheckForNull
    static MaskingLogFilter filter() {
        List<String> values = maskValues();
        if (values.isEmpty()) {
            return null;
        }
        Cached last = cached;
        if (last != null && last.values().equals(values)) {
            return last.filter();
        }
        MaskingLogFilter filter = new MaskingLogFilter(values);
        cached = new Cached(List.copyOf(values), filter);
        return filter;
    }

    private static List<String> maskValues() {
        Jenkins jenkins = Jenkins.get();
        List<ApiKeyNodeProperty> properties = new ArrayList<>();
        properties.addAll(jenkins.getGlobalNodeProperties().getAll(ApiKeyNodeProperty.class));
        properties.addAll(jenkins.getNodeProperties().getAll(ApiKeyNodeProperty.class));
        for (Node node : jenkins.getNodes()) {
            properties.addAll(node.getNodeProperties().getAll(ApiKeyNodeProperty.class));
        }
        List<String> values = new ArrayList<>();
        for (ApiKeyNodeProperty property : properties) {
            try {
                values.addAll(property.maskValues());
            } catch (AbortException e) {
                // a build on that agent fails with this message; here there is nothing to mask
                LOGGER.log(Level.FINE, "agent keys not resolvable: {0}", e.getMessage());
            }
        }
        return values;
    }
}
