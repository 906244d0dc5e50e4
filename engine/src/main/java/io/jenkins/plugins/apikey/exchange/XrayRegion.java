package io.jenkins.plugins.apikey.exchange;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The Xray Cloud API endpoints: the global one and the regional ones for data residency. */
public enum XrayRegion {
    GLOBAL("https://xray.cloud.getxray.app"),
    US("https://us.xray.cloud.getxray.app"),
    EU("https://eu.xray.cloud.getxray.app"),
    AU("https://au.xray.cloud.getxray.app");

    private final URI baseUrl;

    XrayRegion(String baseUrl) {
        this.baseUrl = URI.create(baseUrl);
    }

    /** The base URL that {@code /api/v1/...} paths are resolved against. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The region named {@code name} (any case), if there is one. */
    public static Optional<XrayRegion> byName(String name) {
        return Arrays.stream(values())
                .filter(region -> region.name().equals(name == null ? "" : name.toUpperCase(Locale.ROOT)))
                .findFirst();
    }
}
