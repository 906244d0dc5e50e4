package io.jenkins.plugins.apikey.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Extension;
import hudson.FilePath;
import hudson.Util;
import hudson.console.ConsoleLogFilter;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.apikey.bind.BindingException;
import io.jenkins.plugins.apikey.bind.BindingPlan;
import io.jenkins.plugins.apikey.bind.BindingPlanner;
import io.jenkins.plugins.apikey.binding.ApiKeyBinding;
import io.jenkins.plugins.apikey.binding.AppliedKeys;
import io.jenkins.plugins.apikey.binding.KeyDirectory;
import io.jenkins.plugins.apikey.binding.KeyResolver;
import io.jenkins.plugins.apikey.binding.PlanApplier;
import io.jenkins.plugins.apikey.log.MaskingFailureHandler;
import io.jenkins.plugins.apikey.log.MaskingLogFilter;
import java.io.Serial;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;
import org.jenkinsci.plugins.workflow.steps.FailureHandler;
import org.jenkinsci.plugins.workflow.steps.GeneralNonBlockingStepExecution;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code withApiKey('katalon-nightly') { ... }}: binds API keys for the block with their
 * presets' variables, console arguments and files, and masks every form of them in its log.
 * Several keys at once: {@code withApiKey(bindings: [key('a'), key(credentialsId: 'b', variable:
 * 'B')]) { ... }}.
 */
public final class WithApiKeyStep extends Step {

    private final @CheckForNull String credentialsId;
    private @CheckForNull String variable;
    private @NonNull List<ApiKeyBinding> bindings = new ArrayList<>();

    @DataBoundConstructor
    public WithApiKeyStep(@CheckForNull String credentialsId) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
    }

    @CheckForNull
    public String getCredentialsId() {
        return credentialsId;
    }

    @CheckForNull
    public String getVariable() {
        return variable;
    }

    /** The variable for the key of {@link #getCredentialsId()}; the preset's default if empty. */
    @DataBoundSetter
    public void setVariable(@CheckForNull String variable) {
        this.variable = Util.fixEmptyAndTrim(variable);
    }

    @NonNull
    public List<ApiKeyBinding> getBindings() {
        return bindings;
    }

    /** More keys to bind, each with its own options. */
    @DataBoundSetter
    public void setBindings(@CheckForNull List<ApiKeyBinding> bindings) {
        this.bindings = bindings == null ? new ArrayList<>() : new ArrayList<>(bindings);
    }

    /** The key named by the step itself, then the listed ones. */
    @NonNull
    List<ApiKeyBinding> allBindings() {
        List<ApiKeyBinding> all = new ArrayList<>();
        if (credentialsId != null) {
            ApiKeyBinding own = new ApiKeyBinding(credentialsId);
            own.setVariable(variable);
            all.add(own);
        }
        all.addAll(bindings);
        return all;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(this, context);
    }

    /** Binds, then runs the body with the variables, the masking filter and the cleanup. */
    private static final class Execution extends GeneralNonBlockingStepExecution {

        @Serial
        private static final long serialVersionUID = 1L;

        private final transient WithApiKeyStep step;

        Execution(WithApiKeyStep step, StepContext context) {
            super(context);
            this.step = step;
        }

        @Override
        public boolean start() {
            run(this::bindAndRunBody);
            return false;
        }

        private void bindAndRunBody() throws Exception {
            StepContext context = getContext();
            Run<?, ?> run = context.get(Run.class);
            TaskListener listener = context.get(TaskListener.class);
            List<ApiKeyBinding> all = step.allBindings();
            if (all.isEmpty()) {
                throw new AbortException(Messages.WithApiKeyStep_NothingToBind());
            }
            BindingPlan plan;
            try {
                plan = BindingPlanner.plan(KeyResolver.resolve(all, run));
            } catch (BindingException e) {
                throw new AbortException(e.getMessage());
            }
            AppliedKeys keys = PlanApplier.apply(plan, context.get(FilePath.class), listener);
            MaskingLogFilter filter = new MaskingLogFilter(keys.maskValues());
            listener.getLogger()
                    .println(Messages.WithApiKeyStep_Masking(
                            String.join(", ", keys.secretVariables().keySet())));
            context.newBodyInvoker()
                    .withContext(
                            EnvironmentExpander.merge(context.get(EnvironmentExpander.class), new KeyEnvironment(keys)))
                    .withContext(BodyInvoker.mergeConsoleLogFilters(context.get(ConsoleLogFilter.class), filter))
                    .withContext(
                            FailureHandler.merge(context.get(FailureHandler.class), new MaskingFailureHandler(filter)))
                    .withCallback(new Cleanup(keys.directory() == null ? null : KeyDirectory.of(keys.directory())))
                    .start();
        }

        /**
         * Deletes the key files when the block ends, whether it passed, failed or was aborted, off
         * the Pipeline's own thread, since the agent may be slow to answer; if the agent is gone,
         * as soon as it is back.
         */
        private final class Cleanup extends TailCall {

            @Serial
            private static final long serialVersionUID = 1L;

            private final @CheckForNull KeyDirectory directory;

            Cleanup(@CheckForNull KeyDirectory directory) {
                this.directory = directory;
            }

            @Override
            protected void finished(StepContext context) throws Exception {
                if (directory != null) {
                    directory.delete();
                }
            }
        }
    }

    /** Describes {@code withApiKey} for Pipeline and the Snippet Generator. */
    @Extension
    public static final class DescriptorImpl extends StepDescriptor {

        @Override
        public String getFunctionName() {
            return "withApiKey";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.WithApiKeyStep_DisplayName();
        }

        @Override
        public boolean takesImplicitBlockArgument() {
            return true;
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }

        /** The API-key credentials the item can use, for the Snippet Generator. */
        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return Jenkins.get()
                    .getDescriptorByType(ApiKeyBinding.DescriptorImpl.class)
                    .doFillCredentialsIdItems(item, credentialsId);
        }

        @POST
        public FormValidation doCheckVariable(@AncestorInPath Item item, @QueryParameter String value) {
            return Jenkins.get()
                    .getDescriptorByType(ApiKeyBinding.DescriptorImpl.class)
                    .doCheckVariable(item, value);
        }
    }
}
