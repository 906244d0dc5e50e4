package io.jenkins.plugins.apikey.binding;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import io.jenkins.plugins.apikey.bind.BindingOptions;

/** One key to bind: the id of its credentials and how to bind it. Holds ids and options, never key material. */
public interface KeyBinding {

    /** The credentials id, or {@code null} when none was given. */
    @CheckForNull
    String getCredentialsId();

    /**
     * The engine's options for this binding.
     *
     * @throws AbortException when an option is unusable, naming it and the fix
     */
    @NonNull
    BindingOptions toOptions() throws AbortException;
}
