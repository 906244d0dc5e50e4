package io.jenkins.plugins.apikey;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import io.jenkins.plugins.apikey.preset.KeyMaterial;
import io.jenkins.plugins.apikey.preset.ServicePreset;

/**
 * What every credential of this plugin offers, whether a single API key or a client id and secret:
 * its service preset, a non-secret hint and its plain key material for binding.
 */
public interface ServiceKeyCredentials extends StandardCredentials {

    /** The id of the service preset, such as {@code katalon}. */
    @NonNull
    String getService();

    /** The preset of {@link #getService()}. */
    @NonNull
    ServicePreset getPreset();

    /** A non-secret reminder of which key this is; may be empty. */
    @NonNull
    String getHint();

    /** The plain key and its companions, for binding and checks. */
    @NonNull
    KeyMaterial keyMaterial();
}
