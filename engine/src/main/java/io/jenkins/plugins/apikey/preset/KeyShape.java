package io.jenkins.plugins.apikey.preset;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What a service's keys look like where people paste them, so that a scan finds keys nobody
 * passed in. Each {@link ServicePreset} lists its own; names are matched without regard to case,
 * patterns match whole tokens (no letter, digit or {@code _} may touch either end).
 */
public sealed interface KeyShape {

    /**
     * A key as the value of a setting or argument with one of {@code names}: {@code -apiKey=<key>},
     * {@code NAME=<key>}, {@code export NAME="<key>"}, {@code name: <key>}, {@code "name": "<key>"},
     * with quotes as shells, JSON and XML write them.
     *
     * @param names the names of the setting, such as {@code apiKey}
     * @param key what the value is
     */
    record Setting(List<String> names, Pattern key) implements KeyShape {
        public Setting {
            names = List.copyOf(names);
        }
    }

    /**
     * A key as the password of HTTP Basic credentials with an empty user: {@code Authorization:
     * Basic <Base64 of ":" + key>}.
     *
     * @param key what the password is
     */
    record BasicPassword(Pattern key) implements KeyShape {}

    /**
     * A key that announces itself with a prefix, such as {@code kat_live_}.
     *
     * @param prefix how the key starts, in the case it is written
     * @param rest what follows the prefix
     */
    record Prefixed(String prefix, Pattern rest) implements KeyShape {}

    /**
     * A client secret, a key only next to a client id: on the same line as a name of the client id,
     * or a setting in the same JSON or YAML object as a client id (a setting with one of those
     * names, or whose value looks like a client id).
     *
     * @param secret what the secret looks like
     * @param clientId what a client id looks like
     * @param clientIdNames the names a client id goes by, such as {@code client_id}
     */
    record ClientSecret(Pattern secret, Pattern clientId, List<String> clientIdNames) implements KeyShape {
        public ClientSecret {
            clientIdNames = List.copyOf(clientIdNames);
        }
    }
}
