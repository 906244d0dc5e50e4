package io.jenkins.plugins.apikey.scan;

import io.jenkins.plugins.apikey.preset.KeyMaterial;
import io.jenkins.plugins.apikey.preset.ServicePreset;
import java.util.Objects;

/**
 * A key the scan knows and looks for in every form the masker knows: the credential a controller
 * holds, or a secret given on the command line. {@link #toString()} does not show the key.
 *
 * @param name what findings call it: the credential's name, or the variable or file it came from
 * @param preset its service, which also says what to look for besides the key (such as the whole
 *     HTTP Basic header value of a Katalon key) and how to verify it
 * @param material the key
 */
public record KnownKey(String name, ServicePreset preset, KeyMaterial material) {

    public KnownKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(preset, "preset");
        Objects.requireNonNull(material, "material");
    }

    @Override
    public String toString() {
        return "KnownKey[" + name + ", " + preset.id() + "]";
    }
}
