package io.jenkins.plugins.apikey.manage;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.AbstractItem;
import hudson.model.Action;
import hudson.model.ItemGroup;
import java.util.Collection;
import java.util.List;
import jenkins.model.TransientActionFactory;
import org.kohsuke.stapler.StaplerProxy;

/**
 * "API Keys" on a folder: the keys of the folder's own credentials stores, for users who may
 * update credentials there (Credentials/Update on the folder), without needing Administer.
 */
public final class FolderKeysAction implements Action, StaplerProxy {

    private final AbstractItem folder;

    FolderKeysAction(AbstractItem folder) {
        this.folder = folder;
    }

    @CheckForNull
    @Override
    public String getIconFileName() {
        return folder.hasPermission(CredentialsProvider.UPDATE) ? "symbol-key" : null;
    }

    @Override
    public String getDisplayName() {
        return Messages.FolderKeysAction_DisplayName();
    }

    @Override
    public String getUrlName() {
        return "api-keys";
    }

    @Override
    public Object getTarget() {
        Runnable updaters = () -> folder.checkPermission(CredentialsProvider.UPDATE);
        updaters.run();
        return new KeysPage(
                (ItemGroup<?>) folder, Messages.FolderKeysAction_Title(folder.getFullDisplayName()), updaters);
    }

    /** Adds the action to every folder. */
    @Extension
    public static final class Factory extends TransientActionFactory<AbstractItem> {

        @Override
        public Class<AbstractItem> type() {
            return AbstractItem.class;
        }

        @NonNull
        @Override
        public Collection<? extends Action> createFor(@NonNull AbstractItem target) {
            return target instanceof ItemGroup<?> ? List.of(new FolderKeysAction(target)) : List.of();
        }
    }
}
