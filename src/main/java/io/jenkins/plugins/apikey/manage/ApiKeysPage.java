package io.jenkins.plugins.apikey.manage;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.ManagementLink;
import hudson.security.Permission;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.StaplerProxy;

/**
 * Manage Jenkins > API Keys: every key Jenkins holds, for administrators; everyone else gets a 403.
 * The page itself is a {@link KeysPage} over all stores.
 */
@Extension
public final class ApiKeysPage extends ManagementLink implements StaplerProxy {

    @Override
    public String getIconFileName() {
        return "symbol-key";
    }

    @Override
    public String getDisplayName() {
        return Messages.ApiKeysPage_DisplayName();
    }

    @Override
    public String getDescription() {
        return Messages.ApiKeysPage_Description();
    }

    @Override
    public String getUrlName() {
        return "api-keys";
    }

    @NonNull
    @Override
    public Permission getRequiredPermission() {
        return Jenkins.ADMINISTER;
    }

    @NonNull
    @Override
    public Category getCategory() {
        return Category.SECURITY;
    }

    @Override
    public Object getTarget() {
        Runnable administrators = () -> Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        administrators.run();
        return new KeysPage(null, getDisplayName(), administrators);
    }
}
