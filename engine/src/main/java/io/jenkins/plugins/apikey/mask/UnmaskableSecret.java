package io.jenkins.plugins.apikey.mask;

import java.io.Serializable;

/**
 * A secret, named by its position in the list given to {@link SecretMatcher#compile}, that the
 * masker cannot fully hide. Holds no part of the secret, so it is safe to log.
 *
 * @param index the secret's position in the compiled list
 * @param reason why it cannot be masked
 */
public record UnmaskableSecret(int index, Reason reason) implements Serializable {

    /** Why a secret cannot be masked. */
    public enum Reason {
        /** The secret is shorter than the minimum length: it is not masked at all. */
        TOO_SHORT,
        /**
         * Some lines of a multi-line secret that carry secret material are shorter than the
         * minimum: they are masked only as part of the whole value.
         */
        SHORT_LINES,
        /** The secret is only white space and line ends: it is not masked at all. */
        BLANK
    }
}
