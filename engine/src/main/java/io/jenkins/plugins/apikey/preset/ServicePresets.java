package io.jenkins.plugins.apikey.preset;

import java.util.List;
import java.util.Optional;

/** The presets the product knows, in the order users see them. */
public final class ServicePresets {

    public static final ServicePreset KATALON = new KatalonPreset();
    public static final ServicePreset KATALON_ON_PREMISE = new KatalonOnPremisePreset();
    public static final ServicePreset XRAY_CLOUD = new XrayCloudPreset();
    public static final ServicePreset KATALO = new KataloPreset();
    public static final ServicePreset GENERIC = new GenericPreset();

    private static final List<ServicePreset> ALL = List.of(KATALON, KATALON_ON_PREMISE, XRAY_CLOUD, KATALO, GENERIC);

    private ServicePresets() {}

    /** Every preset. */
    public static List<ServicePreset> all() {
        return ALL;
    }

    /** The single-key presets, for API-key credentials. */
    public static List<ServicePreset> singleKey() {
        return ALL.stream().filter(preset -> !preset.isClientCredentials()).toList();
    }

    /** The preset with {@code id}, if there is one. */
    public static Optional<ServicePreset> byId(String id) {
        return ALL.stream().filter(preset -> preset.id().equals(id)).findFirst();
    }

    /** The preset with {@code id}, or {@link #GENERIC} for an unknown or missing id. */
    public static ServicePreset byIdOrGeneric(String id) {
        return byId(id).orElse(GENERIC);
    }
}
