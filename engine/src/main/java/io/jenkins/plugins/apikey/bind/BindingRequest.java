package io.jenkins.plugins.apikey.bind;

import io.jenkins.plugins.apikey.preset.KeyMaterial;
import io.jenkins.plugins.apikey.preset.ServicePreset;

/**
 * One key to bind: where it came from (for messages), its preset, its resolved values and the
 * options. {@link #toString()} shows no secret.
 */
public record BindingRequest(String credentialsId, ServicePreset preset, KeyMaterial material, BindingOptions options) {

    /** A request with the preset's defaults. */
    public static BindingRequest of(String credentialsId, ServicePreset preset, KeyMaterial material) {
        return new BindingRequest(credentialsId, preset, material, BindingOptions.defaults());
    }
}
