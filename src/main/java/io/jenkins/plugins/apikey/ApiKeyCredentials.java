package io.jenkins.plugins.apikey;

import com.cloudbees.plugins.credentials.CredentialsNameProvider;
import com.cloudbees.plugins.credentials.NameWith;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import io.jenkins.plugins.apikey.preset.KeyMaterial;
import io.jenkins.plugins.apikey.preset.ServicePreset;
import io.jenkins.plugins.apikey.preset.ServicePresets;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * A single API key for a service (Katalon, Katalon on-premise, Katalo or any other). It is a
 * "Secret text" credential too, so every consumer of {@link StringCredentials} accepts it.
 */
@NameWith(value = ApiKeyCredentials.NameProvider.class, priority = 64)
public interface ApiKeyCredentials extends StringCredentials, ServiceKeyCredentials {

    /** The server URL of an on-premise service, if any. */
    @CheckForNull
    String getServerUrl();

    /** Whom a general key shared by a team acts as, if noted. */
    @CheckForNull
    String getActsAs();

    /** The preset of {@link #getService()}, or the generic one if that id is unknown. */
    @NonNull
    @Override
    default ServicePreset getPreset() {
        return ServicePresets.byIdOrGeneric(getService());
    }

    /** A non-secret reminder of which key this is, such as {@code …1d07}; may be empty. */
    @NonNull
    @Override
    default String getHint() {
        return getPreset().hint(keyMaterial());
    }

    /** The plain key and its server URL, for binding and checks. */
    @NonNull
    @Override
    default KeyMaterial keyMaterial() {
        return new KeyMaterial(getSecret().getPlainText(), null, getServerUrl());
    }

    /** Names a key by its service, hint and description, such as "Katalon API key …1d07 (nightly)". */
    class NameProvider extends CredentialsNameProvider<ApiKeyCredentials> {

        @NonNull
        @Override
        public String getName(@NonNull ApiKeyCredentials credentials) {
            return CredentialsNames.name(credentials.getPreset().keyName(), credentials.getHint(), credentials);
        }
    }
}
