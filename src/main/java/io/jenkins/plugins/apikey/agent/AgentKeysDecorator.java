package io.jenkins.plugins.apikey.agent;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import io.jenkins.plugins.apikey.log.MaskingLogFilter;
import org.jenkinsci.plugins.workflow.flow.FlowExecutionOwner;
import org.jenkinsci.plugins.workflow.log.TaskListenerDecorator;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Masks agent keys in Pipeline logs, which do not apply global console log filters. The decorator
 * travels with each step's log to the agent that writes it.
 */
@Extension(optional = true)
@Restricted(NoExternalUse.class)
public final class AgentKeysDecorator implements TaskListenerDecorator.Factory {

    @CheckForNull
    @Override
    public TaskListenerDecorator of(@NonNull FlowExecutionOwner owner) {
        MaskingLogFilter filter = AgentKeys.filter();
        return filter == null ? null : TaskListenerDecorator.fromConsoleLogFilter(filter);
    }
}
