package io.jenkins.plugins.apikey.agent;

import hudson.AbortException;
import hudson.Extension;
import hudson.console.ConsoleLogFilter;
import hudson.model.AbstractBuild;
import hudson.model.Node;
import hudson.model.Run;
import io.jenkins.plugins.apikey.log.MaskingLogFilter;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Masks the keys bound by {@link ApiKeyNodeProperty} on any agent in every build log. A build
 * decorates its log before it knows its agent, so every agent's keys are masked everywhere, which
 * can only hide more.
 */
@Extension
@Restricted(NoExternalUse.class)
public final class AgentKeysLogFilter extends ConsoleLogFilter {

    private static final Logger LOGGER = Logger.getLogger(AgentKeysLogFilter.class.getName());

    @Override
    public OutputStream decorateLogger(Run build, OutputStream logger) {
        List<String> secrets = agentKeys();
        return secrets.isEmpty() ? logger : new MaskingLogFilter(secrets).decorateLogger(build, logger);
    }

    @Override
    public OutputStream decorateLogger(AbstractBuild build, OutputStream logger) {
        return decorateLogger((Run) build, logger);
    }

    private static List<String> agentKeys() {
        Jenkins jenkins = Jenkins.get();
        List<ApiKeyNodeProperty> properties = new ArrayList<>();
        jenkins.getNodeProperties().getAll(ApiKeyNodeProperty.class).forEach(properties::add);
        for (Node node : jenkins.getNodes()) {
            properties.addAll(node.getNodeProperties().getAll(ApiKeyNodeProperty.class));
        }
        List<String> secrets = new ArrayList<>();
        for (ApiKeyNodeProperty property : properties) {
            try {
                secrets.addAll(property.maskValues());
            } catch (AbortException e) {
                // the build on that agent fails with this message; here there is nothing to mask
                LOGGER.log(Level.FINE, "agent keys not resolvable: {0}", e.getMessage());
            }
        }
        return secrets;
    }
}
