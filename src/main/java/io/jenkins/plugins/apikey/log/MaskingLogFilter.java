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
 * Masks every form of the bound secrets in a build log. It holds them as {@link Secret}s:
 * Pipeline's {@code program.dat} stores those encrypted, and Remoting carries them to the agent
 * that writes the log over its encrypted channel, where they are needed to mask. The matcher is
 * compiled on first use, on whichever side decorates the log, and never serialized. Its streams
 * hold back nothing but a possible start of a secret, since Pipeline never closes a step's log.
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
        return matcher().newLogStream(logger);
    }

    @Override
    public OutputStream decorateLogger(AbstractBuild build, OutputStream logger) {
        return decorateLogger((Run) build, logger);
    }
}
