package io.jenkins.plugins.apikey.bind;

import java.util.Locale;

/**
 * How messages about a key being bound name it and its options, in the words of whoever asked: the
 * plugin says "credentials 'deploy'" and spells options as the Pipeline step does; the command line
 * says "key 'ke' (env:KATALON_API_KEY)" and spells options as flags.
 *
 * @param name the key's short name: the credentials id, or the command line's name for the key
 * @param subject the key as a message names it, in lower case, such as {@code credentials 'deploy'}
 * @param flags whether options are spelled as command-line flags
 */
public record KeyLabel(String name, String subject, boolean flags) {

    /** A binding option, as messages spell it. */
    public enum Option {
        CLIENT_ID_VARIABLE("clientIdVariable", "--client-id-variable"),
        ARGUMENTS_VARIABLE("argumentsVariable", "--args-variable"),
        AGENT_CONFIG("agentConfig", "--agent-config"),
        EXCHANGE_TOKEN("exchangeToken", "--exchange-token");

        private final String parameter;
        private final String flag;

        Option(String parameter, String flag) {
            this.parameter = parameter;
            this.flag = flag;
        }
    }

    /** Jenkins credentials, named by their id. */
    public static KeyLabel credentials(String id) {
        return new KeyLabel(id, "credentials '" + id + "'", false);
    }

    /** A key of the command line, named by the user's name for it and where it was read from. */
    public static KeyLabel commandLine(String name, String source) {
        return new KeyLabel(name, "key '" + name + "' (" + source + ")", true);
    }

    /** A value of an environment file, named by its variable and line. */
    public static KeyLabel environmentFile(String variable, String file, int line) {
        return new KeyLabel(variable, "variable " + variable + " of " + file + " line " + line, true);
    }

    /** {@code option} as the user wrote it. */
    public String option(Option option) {
        return flags ? option.flag : option.parameter;
    }

    /** The subject with a capital letter, to start a sentence. */
    public String sentenceStart() {
        return subject.substring(0, 1).toUpperCase(Locale.ROOT) + subject.substring(1);
    }

    @Override
    public String toString() {
        return subject;
    }
}
