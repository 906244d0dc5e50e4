package io.jenkins.plugins.apikey.mask;

import java.util.List;

/** {@code $} doubled, as Jenkins, Make and Compose files escape it. */
final class DollarEncoder implements FormEncoder {

    @Override
    public String name() {
        return "dollar";
    }

    @Override
    public List<String> encode(String value) {
        return List.of(value.replace("$", "$$"));
    }
}
