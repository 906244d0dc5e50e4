package io.jenkins.plugins.apikey.agent;

import hudson.Extension;
import hudson.console.ConsoleLogFilter;
import hudson.model.AbstractBuild;
import hudson.model.Run;
import io.jenkins.plugins.apikey.log.MaskingLogFilter;
import java.io.OutputStream;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** Masks agent keys in the logs of freestyle and other classic builds. */
@Extension
@Restricted(NoExternalUse.class)
public final class AgentKeysLogFilter extends ConsoleLogFilter {

    @Override
    public OutputStream decorateLogger(Run build, OutputStream logger) {
        MaskingLogFilter filter = AgentKeys.filter();
        return filter == null ? logger : filter.decorateLogger(build, logger);
    }

    @Override
    public OutputStream decorateLogger(AbstractBuild build, OutputStream logger) {
        return decorateLogger((Run) build, logger);
    }
}
