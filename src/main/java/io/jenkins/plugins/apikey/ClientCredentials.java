package io.jenkins.plugins.apikey;

import com.cloudbees.plugins.credentials.CredentialsNameProvider;
import com.cloudbees.plugins.credentials.NameWith;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import io.jenkins.plugins.apikey.preset.KeyMaterial;
import io.jenkins.plugins.apikey.preset.ServicePreset;
import io.jenkins.plugins.apikey.preset.ServicePresets;

/**
 * A client id and secret pair (Xray Cloud). It is a username and password credential too (user
 * name = client id, password = secret), so {@code usernamePassword} bindings and declarative
 * {@code credentials()} accept it.
 */
@NameWith(value = ClientCredentials.NameProvider.class, priority = 64)
public interface ClientCredentials extends StandardUsernamePasswordCredentials, ServiceKeyCredentials {

    /** The preset of {@link #getService()}, or Xray Cloud if that id is unknown. */
    @NonNull
    @Override
    default ServicePreset getPreset() {
        return ServicePresets.byId(getService())
                .filter(ServicePreset::isClientCredentials)
                .orElse(ServicePresets.XRAY_CLOUD);
    }

    /** A non-secret reminder of which pair this is, taken from the client id. */
    @NonNull
    @Override
    default String getHint() {
        return getPreset().hint(new KeyMaterial(null, getUsername(), null));
    }

    /** The plain secret and client id, for binding and checks. */
    @NonNull
    @Override
    default KeyMaterial keyMaterial() {
        return new KeyMaterial(getPassword().getPlainText(), getUsername(), null);
    }

    /** Names a pair by its service, hint and description, such as "Xray Cloud client …cdef (QA)". */
    class NameProvider extends CredentialsNameProvider<ClientCredentials> {

        @NonNull
        @Override
        public String getName(@NonNull ClientCredentials credentials) {
            return CredentialsNames.name(
                    Messages.ClientCredentials_KeyName(credentials.getPreset().displayName()),
                    credentials.getHint(),
                    credentials);
        }
    }
}
