package io.jenkins.plugins.apikey.bind;

import io.jenkins.plugins.apikey.preset.KeyMaterial;
import io.jenkins.plugins.apikey.preset.ServicePreset;

/**
 * One key to bind: how messages name it, its preset, its resolved values and the options. {@link
 * #toString()} shows no secret.
 */
public record BindingRequest(KeyLabel label, ServicePreset preset, KeyMaterial material, BindingOptions options) {

    /** A request for Jenkins credentials with the preset's defaults. */
    public static BindingRequest of(String credentialsId, ServicePreset preset, KeyMaterial material) {
        return of(credentialsId, preset, material, BindingOptions.defaults());
    }

    /** A request for Jenkins credentials. */
    public static BindingRequest of(
            String credentialsId, ServicePreset preset, KeyMaterial material, BindingOptions options) {
        return new BindingRequest(KeyLabel.credentials(credentialsId), preset, material, options);
    }
}
