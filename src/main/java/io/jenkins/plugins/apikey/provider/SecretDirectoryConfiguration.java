package io.jenkins.plugins.apikey.provider;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.Util;
import hudson.util.FormValidation;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** Where the secret-directory provider reads API keys from; empty means it is off. */
@Extension
@Symbol("apiKeySecretDirectory")
public final class SecretDirectoryConfiguration extends GlobalConfiguration {

    private @CheckForNull String directory;

    public SecretDirectoryConfiguration() {
        load();
    }

    @NonNull
    public static SecretDirectoryConfiguration get() {
        return ExtensionList.lookupSingleton(SecretDirectoryConfiguration.class);
    }

    @CheckForNull
    public String getDirectory() {
        return directory;
    }

    @DataBoundSetter
    public void setDirectory(@CheckForNull String directory) {
        this.directory = Util.fixEmptyAndTrim(directory);
        save();
    }

    /** The directory, if one is configured. */
    @CheckForNull
    public Path path() {
        try {
            return directory == null ? null : Path.of(directory);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    @POST
    public FormValidation doCheckDirectory(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        String given = Util.fixEmptyAndTrim(value);
        if (given == null) {
            return FormValidation.ok();
        }
        try {
            return Files.isDirectory(Path.of(given))
                    ? FormValidation.ok()
                    : FormValidation.warning(Messages.SecretDirectoryConfiguration_NotADirectory());
        } catch (InvalidPathException e) {
            return FormValidation.error(Messages.SecretDirectoryConfiguration_InvalidPath());
        }
    }
}
