package io.jenkins.plugins.apikey;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.Util;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** Builds the names shown for API-key credentials from non-secret parts only. */
@Restricted(NoExternalUse.class)
final class CredentialsNames {

    private CredentialsNames() {}

    /** {@code kind hint (description)}, leaving out the parts that are empty. */
    static String name(String kind, String hint, StandardCredentials credentials) {
        String base = hint.isEmpty() ? kind : kind + " " + hint;
        String description = Util.fixEmptyAndTrim(credentials.getDescription());
        return description == null ? base : Messages.CredentialsName_Described(base, description);
    }
}
