package io.jenkins.plugins.apikey.bind;

/** A binding that cannot be made; the message names the problem and the fix, never a secret. */
public final class BindingException extends Exception {

    private static final long serialVersionUID = 1L;

    public BindingException(String message) {
        super(message);
    }
}
