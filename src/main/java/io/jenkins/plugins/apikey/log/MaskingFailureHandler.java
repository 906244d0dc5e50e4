package io.jenkins.plugins.apikey.log;

import edu.umd.cs.findbugs.annotations.NonNull;
import org.jenkinsci.plugins.workflow.steps.FailureHandler;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** Masks the bound secrets in failures thrown out of a {@code withApiKey} block. */
@Restricted(NoExternalUse.class)
public final class MaskingFailureHandler implements FailureHandler {

    private static final long serialVersionUID = 1L;

    private final MaskingLogFilter filter;

    public MaskingFailureHandler(@NonNull MaskingLogFilter filter) {
        this.filter = filter;
    }

    @NonNull
    @Override
    public Throwable handle(@NonNull StepContext context, @NonNull Throwable failure) {
        return MaskedFailure.of(failure, filter.matcher());
    }
}
