package io.jenkins.plugins.apikey.log;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import io.jenkins.plugins.apikey.mask.SecretMatcher;
import java.io.Serial;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Stands in for a failure whose message, or the message of a cause or of a suppressed failure,
 * showed a secret: the same stack trace and class name, the messages masked.
 */
@Restricted(NoExternalUse.class)
public final class MaskedFailure extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    private MaskedFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * {@code failure} itself when nothing in its chain needs masking, else a masked copy; an
     * {@link AbortException} stays one, so Pipeline still prints it as a plain message.
     */
    @NonNull
    public static Throwable of(@NonNull Throwable failure, @NonNull SecretMatcher matcher) {
        if (!needsMasking(failure, matcher, 0)) {
            return failure;
        }
        if (failure instanceof AbortException && failure.getCause() == null && failure.getSuppressed().length == 0) {
            AbortException masked = new AbortException(matcher.mask(failure.getMessage()));
            masked.setStackTrace(failure.getStackTrace());
            return masked;
        }
        return copy(failure, matcher, 0);
    }

    private static boolean needsMasking(Throwable failure, SecretMatcher matcher, int depth) {
        if (failure == null || depth > 16) {
            return false;
        }
        String message = failure.getMessage();
        if ((message != null && !matcher.mask(message).equals(message))
                || needsMasking(failure.getCause(), matcher, depth + 1)) {
            return true;
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            if (needsMasking(suppressed, matcher, depth + 1)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable copy(Throwable failure, SecretMatcher matcher, int depth) {
        Throwable cause =
                failure.getCause() == null || depth > 16 ? null : copy(failure.getCause(), matcher, depth + 1);
        String message = failure.getMessage();
        String text = failure.getClass().getName() + (message == null ? "" : ": " + matcher.mask(message));
        MaskedFailure masked = new MaskedFailure(text, cause);
        masked.setStackTrace(failure.getStackTrace());
        if (depth <= 16) {
            for (Throwable suppressed : failure.getSuppressed()) {
                masked.addSuppressed(copy(suppressed, matcher, depth + 1));
            }
        }
        return masked;
    }

    @Override
    public String toString() {
        return getMessage();
    }
}
