package io.jenkins.plugins.apikey.wrapper;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.console.ConsoleLogFilter;
import hudson.model.AbstractBuild;
import hudson.model.AbstractProject;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildWrapperDescriptor;
import io.jenkins.plugins.apikey.bind.BindingException;
import io.jenkins.plugins.apikey.bind.BindingPlanner;
import io.jenkins.plugins.apikey.binding.ApiKeyBinding;
import io.jenkins.plugins.apikey.binding.AppliedKeys;
import io.jenkins.plugins.apikey.binding.KeyResolver;
import io.jenkins.plugins.apikey.binding.PlanApplier;
import io.jenkins.plugins.apikey.log.MaskingLogFilter;
import java.io.IOException;
import java.io.Serial;
import java.util.List;
import java.util.Set;
import jenkins.tasks.SimpleBuildWrapper;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * "Use API keys" for freestyle jobs (and Pipeline's {@code wrap}): the same bindings and masking
 * as {@code withApiKey}, for the whole build.
 */
public final class ApiKeyBuildWrapper extends SimpleBuildWrapper {

    private final @NonNull List<ApiKeyBinding> bindings;

    @DataBoundConstructor
    public ApiKeyBuildWrapper(@CheckForNull List<ApiKeyBinding> bindings) {
        this.bindings = bindings == null ? List.of() : List.copyOf(bindings);
    }

    @NonNull
    public List<ApiKeyBinding> getBindings() {
        return bindings;
    }

    @Override
    public void setUp(
            Context context,
            Run<?, ?> build,
            FilePath workspace,
            Launcher launcher,
            TaskListener listener,
            EnvVars initialEnvironment)
            throws IOException, InterruptedException {
        if (bindings.isEmpty()) {
            throw new AbortException(Messages.ApiKeyBuildWrapper_NothingToBind());
        }
        AppliedKeys keys;
        try {
            keys = PlanApplier.apply(BindingPlanner.plan(KeyResolver.resolve(bindings, build)), workspace, listener);
        } catch (BindingException e) {
            throw new AbortException(e.getMessage());
        }
        BuildSecrets.register(build, new MaskingLogFilter(keys.maskValues()));
        keys.secretVariables().forEach(context::env);
        keys.publicVariables().forEach(context::env);
        context.setDisposer(new DeleteKeyFiles(keys.directory()));
        listener.getLogger()
                .println(Messages.ApiKeyBuildWrapper_Masking(
                        String.join(", ", keys.secretVariables().keySet())));
    }

    /**
     * The filter with the bound keys when they are known (Pipeline's {@code wrap} binds first),
     * else one that starts masking as soon as they are (freestyle decorates its log first).
     */
    @Override
    public ConsoleLogFilter createLoggerDecorator(@NonNull Run<?, ?> build) {
        MaskingLogFilter bound = BuildSecrets.filterOf(build);
        if (bound == null) {
            return new LateMaskingLogFilter();
        }
        BuildSecrets.forget(build);
        return bound;
    }

    @Override
    public void makeSensitiveBuildVariables(AbstractBuild build, Set<String> sensitiveVariables) {
        sensitiveVariables.addAll(KeyResolver.sensitiveVariables(bindings, build));
    }

    /** Deletes the key files when the build ends. */
    private static final class DeleteKeyFiles extends Disposer {

        @Serial
        private static final long serialVersionUID = 1L;

        private final @CheckForNull FilePath directory;

        DeleteKeyFiles(@CheckForNull FilePath directory) {
            this.directory = directory;
        }

        @Override
        public void tearDown(Run<?, ?> build, FilePath workspace, Launcher launcher, TaskListener listener)
                throws IOException, InterruptedException {
            if (directory != null) {
                directory.deleteRecursive();
            }
        }
    }

    /** Describes the wrapper for freestyle jobs and {@code wrap}. */
    @Extension
    @Symbol("apiKeys")
    public static final class DescriptorImpl extends BuildWrapperDescriptor {

        @Override
        public boolean isApplicable(AbstractProject<?, ?> item) {
            return true;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.ApiKeyBuildWrapper_DisplayName();
        }
    }
}
