package io.jenkins.plugins.apikey.binding;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.FilePath;
import hudson.ProxyConfiguration;
import hudson.model.TaskListener;
import hudson.slaves.WorkspaceList;
import io.jenkins.plugins.apikey.bind.BindingPlan;
import io.jenkins.plugins.apikey.exchange.TokenExchangeException;
import io.jenkins.plugins.apikey.exchange.XrayTokenClient;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Carries out a binding plan for a build: writes its files into a fresh owner-only directory
 * beside the workspace (on the agent), exchanges client credentials for tokens, and prints its
 * warnings. On failure, nothing it wrote is left behind.
 */
@Restricted(NoExternalUse.class)
public final class PlanApplier {

    private static final int OWNER_ONLY_DIRECTORY = 0700;
    private static final int OWNER_ONLY_FILE = 0600;

    private PlanApplier() {}

    @NonNull
    public static AppliedKeys apply(
            @NonNull BindingPlan plan, @CheckForNull FilePath workspace, @NonNull TaskListener listener)
            throws IOException, InterruptedException {
        plan.warnings().forEach(listener.getLogger()::println);
        Map<String, String> secret = new LinkedHashMap<>();
        Map<String, String> shown = new LinkedHashMap<>();
        List<String> masks = new ArrayList<>(plan.maskValues());
        for (BindingPlan.Variable variable : plan.variables()) {
            (variable.sensitive() ? secret : shown).put(variable.name(), variable.value());
        }
        FilePath directory = null;
        try {
            if (!plan.files().isEmpty()) {
                directory = writeFiles(plan, workspace, shown);
            }
            for (BindingPlan.PlannedExchange exchange : plan.exchanges()) {
                String token = exchange(exchange);
                secret.put(exchange.variable(), token);
                masks.add(token);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (directory != null) {
                directory.deleteRecursive();
            }
            throw e;
        }
        return new AppliedKeys(secret, shown, masks, directory);
    }

    private static FilePath writeFiles(BindingPlan plan, @CheckForNull FilePath workspace, Map<String, String> shown)
            throws IOException, InterruptedException {
        if (workspace == null) {
            throw new AbortException(
                    Messages.PlanApplier_NeedsWorkspace(plan.files().get(0).variable()));
        }
        FilePath parent = WorkspaceList.tempDir(workspace);
        if (parent == null) {
            throw new AbortException(Messages.PlanApplier_NoTempDir(workspace.getRemote()));
        }
        parent.mkdirs();
        FilePath directory = parent.createTempDir("api-keys", "");
        try {
            directory.chmod(OWNER_ONLY_DIRECTORY);
            for (BindingPlan.PlannedFile planned : plan.files()) {
                FilePath file = directory.child(planned.relativePath());
                FilePath folder = file.getParent();
                if (folder != null && !folder.equals(directory)) {
                    folder.mkdirs();
                    folder.chmod(OWNER_ONLY_DIRECTORY);
                }
                file.write("", "UTF-8");
                file.chmod(OWNER_ONLY_FILE);
                try (OutputStream out = file.write()) {
                    out.write(planned.content());
                }
                shown.put(planned.variable(), file.getRemote());
            }
            return directory;
        } catch (IOException | InterruptedException | RuntimeException e) {
            directory.deleteRecursive();
            throw e;
        }
    }

    private static String exchange(BindingPlan.PlannedExchange exchange) throws AbortException, InterruptedException {
        try {
            return new XrayTokenClient(ProxyConfiguration.newHttpClientBuilder(), XrayTokenClient.DEFAULT_TIMEOUT)
                    .exchange(exchange.baseUrl(), exchange.clientId(), exchange.clientSecret());
        } catch (TokenExchangeException e) {
            throw new AbortException(
                    Messages.PlanApplier_ExchangeFailed(exchange.label().name(), e.getMessage()));
        }
    }
}
