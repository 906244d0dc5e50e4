package io.jenkins.plugins.apikey.binding;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.FilePath;
import java.util.List;
import java.util.Map;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * A binding plan carried out: the variables to set (secret and public), every value to mask, and
 * the directory holding the written files, to delete when the binding ends.
 *
 * @param secretVariables variables whose values are secrets
 * @param publicVariables variables that are safe to show, such as file paths and client ids
 * @param maskValues every secret bound, derived, written or exchanged
 * @param directory the owner-only directory of the written files, if any were written
 */
@Restricted(NoExternalUse.class)
public record AppliedKeys(
        Map<String, String> secretVariables,
        Map<String, String> publicVariables,
        List<String> maskValues,
        @CheckForNull FilePath directory) {

    @Override
    public String toString() {
        return "AppliedKeys[secret=" + secretVariables.keySet() + ", public=" + publicVariables.keySet() + ", masks="
                + maskValues.size() + ", directory=" + directory + "]";
    }
}
