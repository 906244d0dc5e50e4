package io.jenkins.plugins.apikey.log;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.console.ConsoleLogFilter;
import hudson.model.AbstractBuild;
import hudson.model.Run;
import hudson.util.Secret;
import io.jenkins.plugins.apikey.mask.SecretMatcher;
import java.io.OutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Masks every form of the bound secrets in a build log. It travels to agents and into
 * {@code program.dat} holding the secrets only as {@link Secret}s; the matcher is compiled on
 * first use, on whichever side decorates the log, and never serialized.
 */
@Restricted(NoExternalUse.class)
public final class MaskingLogFilter extends ConsoleLogFilter implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final List<Secret> secrets;
    private transient volatile SecretMatcher matcher;

    public MaskingLogFilter(@NonNull Collection<String> secrets) {
        this.secrets = secrets.stream().map(Secret::fromString).toList();
    }

    /** The compiled matcher, built once per JVM that uses this filter. */
    @NonNull
    public SecretMatcher matcher() {
        SecretMatcher compiled = matcher;
        if (compiled == null) {
            compiled = SecretMatcher.compile(
                    secrets.stream().map(Secret::getPlainText).toList());
            matcher = compiled;
        }
        return compiled;
    }

    @Override
    public OutputStream decorateLogger(Run build, OutputStream logger) {
        return matcher().newStream(logger, true);
    }

    @Override
    public OutputStream decorateLogger(AbstractBuild build, OutputStream logger) {
        return decorateLogger((Run) build, logger);
    }
}
