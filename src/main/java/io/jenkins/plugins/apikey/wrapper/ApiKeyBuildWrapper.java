package io.jenkins.plugins.apikey.wrapper;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.AbstractProject;
import hudson.model.BuildListener;
import hudson.tasks.BuildWrapper;
import hudson.tasks.BuildWrapperDescriptor;
import io.jenkins.plugins.apikey.bind.BindingException;
import io.jenkins.plugins.apikey.bind.BindingPlanner;
import io.jenkins.plugins.apikey.binding.ApiKeyBinding;
import io.jenkins.plugins.apikey.binding.AppliedKeys;
import io.jenkins.plugins.apikey.binding.KeyDirectory;
import io.jenkins.plugins.apikey.binding.KeyResolver;
import io.jenkins.plugins.apikey.binding.PlanApplier;
import io.jenkins.plugins.apikey.log.MaskingLogFilter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * "Use API keys" for freestyle jobs: the same bindings and masking as {@code withApiKey}, for the
 * whole build. Pipeline uses {@code withApiKey}, which keeps nothing secret in the Pipeline's saved
 * state; this wrapper is deliberately not a {@code SimpleBuildWrapper}, so {@code wrap} does not
 * offer it.
 */
public final class ApiKeyBuildWrapper extends BuildWrapper {

    private final List<ApiKeyBinding> bindings;

    @DataBoundConstructor
    public ApiKeyBuildWrapper(@CheckForNull List<ApiKeyBinding> bindings) {
        this.bindings = bindings == null ? new ArrayList<>() : new ArrayList<>(bindings);
    }

    @NonNull
    public List<ApiKeyBinding> getBindings() {
        return bindings;
    }

    /**
     * A freestyle build decorates its log before its wrappers bind anything: the stream starts
     * masking as soon as {@link #setUp} has bound the keys, and nothing secret is printed before.
     */
    @Override
    public OutputStream decorateLogger(AbstractBuild build, OutputStream logger) {
        return new LateMaskingStream(build, logger);
    }

    @Override
    public Environment setUp(AbstractBuild build, Launcher launcher, BuildListener listener)
            throws IOException, InterruptedException {
        if (bindings.isEmpty()) {
            throw new AbortException(Messages.ApiKeyBuildWrapper_NothingToBind());
        }
        AppliedKeys keys;
        try {
            keys = PlanApplier.apply(
                    BindingPlanner.plan(KeyResolver.resolve(bindings, build)), build.getWorkspace(), listener);
        } catch (BindingException e) {
            throw new AbortException(e.getMessage());
        }
        BuildSecrets.register(build, new MaskingLogFilter(keys.maskValues()));
        listener.getLogger()
                .println(Messages.ApiKeyBuildWrapper_Masking(
                        String.join(", ", keys.secretVariables().keySet())));
        return new BoundKeys(keys);
    }

    @Override
    public void makeSensitiveBuildVariables(AbstractBuild build, Set<String> sensitiveVariables) {
        sensitiveVariables.addAll(KeyResolver.sensitiveVariables(bindings, build));
    }

    private Object readResolve() {
        return bindings == null ? new ApiKeyBuildWrapper(null) : this;
    }

    /** The bound variables for the build's steps; deletes the key files when the build ends. */
    private final class BoundKeys extends Environment {

        private final AppliedKeys keys;

        BoundKeys(AppliedKeys keys) {
            this.keys = keys;
        }

        @Override
        public void buildEnvVars(Map<String, String> env) {
            env.putAll(keys.secretVariables());
            env.putAll(keys.publicVariables());
        }

        @Override
        public boolean tearDown(AbstractBuild build, BuildListener listener) throws IOException, InterruptedException {
            FilePath directory = keys.directory();
            if (directory != null) {
                KeyDirectory.of(directory).delete();
            }
            return true;
        }
    }

    /** Describes the wrapper for freestyle jobs. */
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
