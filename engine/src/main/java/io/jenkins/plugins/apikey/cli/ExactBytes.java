package io.jenkins.plugins.apikey.cli;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Gives the command the UTF-8 bytes of each bound value whatever the locale. Java encodes the
 * variables and arguments it passes to a child with the locale's charset (Java 17: {@code
 * file.encoding}; from 18: {@code sun.jnu.encoding}), so under {@code LC_ALL=C} every non-ASCII
 * character would arrive as {@code ?}. Such values and arguments travel instead as ASCII octal
 * escapes in variables of their own, and a small {@code sh} script turns them back into bytes with
 * the built-in {@code printf} (no key in its own arguments) before it {@code exec}s the command.
 */
final class ExactBytes {

    /** The variable that lists the names of the escaped variables. */
    static final String NAMES = "API_KEYS_OCTAL";

    /** The variable that lists the positions (from 1) of the escaped arguments. */
    static final String ARGUMENTS = "API_KEYS_ARGV";

    /**
     * Decodes each listed variable, then each listed argument, and becomes the command; the {@code
     * x} keeps trailing line ends from the command substitution, the names {@code api_keys_*} keep
     * clear of the command's own variables.
     */
    private static final String SCRIPT = "for api_keys_n in $" + NAMES + "; do"
            + " eval \"api_keys_v=\\$" + NAMES + "_$api_keys_n\";"
            + " api_keys_v=$(printf '%bx' \"$api_keys_v\");"
            + " eval \"$api_keys_n=\\${api_keys_v%x}\";"
            + " export \"$api_keys_n\";"
            + " unset \"" + NAMES + "_$api_keys_n\";"
            + " done;"
            + " api_keys_i=0;"
            + " for api_keys_a in \"$@\"; do"
            + " api_keys_i=$((api_keys_i + 1));"
            + " case \" $" + ARGUMENTS + " \" in *\" $api_keys_i \"*)"
            + " eval \"api_keys_v=\\$" + ARGUMENTS + "_$api_keys_i\";"
            + " api_keys_a=$(printf '%bx' \"$api_keys_v\");"
            + " api_keys_a=${api_keys_a%x};"
            + " unset \"" + ARGUMENTS + "_$api_keys_i\";;"
            + " esac;"
            + " set -- \"$@\" \"$api_keys_a\";"
            + " done;"
            + " shift \"$api_keys_i\";"
            + " unset " + NAMES + " " + ARGUMENTS + " api_keys_n api_keys_v api_keys_i api_keys_a;"
            + " exec \"$@\"";

    private ExactBytes() {}

    /** Whether Java would pass {@code value} to a child as other bytes than its UTF-8 ones. */
    static boolean altered(String value) {
        if (value.chars().allMatch(c -> c < 0x80)) {
            return false;
        }
        return !isUtf8(Charset.defaultCharset()) || !isUtf8(jnuCharset());
    }

    private static boolean isUtf8(Charset charset) {
        return charset.equals(StandardCharsets.UTF_8);
    }

    private static Charset jnuCharset() {
        try {
            return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
        } catch (IllegalArgumentException e) {
            return StandardCharsets.US_ASCII;
        }
    }

    /**
     * Puts {@code variables} into {@code environment} and returns the words that start {@code
     * command}: the command itself, or, when any value or argument had to be escaped, the decoding
     * script before it, with each escaped argument left empty in its place.
     */
    static List<String> apply(Map<String, String> variables, List<String> command, Map<String, String> environment) {
        List<String> escaped = new ArrayList<>();
        variables.forEach((name, value) -> {
            if (altered(value)) {
                environment.remove(name);
                environment.put(NAMES + "_" + name, octal(value));
                escaped.add(name);
            } else {
                environment.put(name, value);
            }
        });
        List<String> arguments = new ArrayList<>(command.size());
        List<String> positions = new ArrayList<>();
        for (String argument : command) {
            if (altered(argument)) {
                String position = Integer.toString(arguments.size() + 1);
                environment.put(ARGUMENTS + "_" + position, octal(argument));
                positions.add(position);
                arguments.add("");
            } else {
                arguments.add(argument);
            }
        }
        if (escaped.isEmpty() && positions.isEmpty()) {
            return command;
        }
        environment.put(NAMES, String.join(" ", escaped));
        environment.put(ARGUMENTS, String.join(" ", positions));
        List<String> words = new ArrayList<>(List.of("/bin/sh", "-c", SCRIPT, "api-keys-run"));
        words.addAll(arguments);
        return words;
    }

    /** Every UTF-8 byte of {@code value} as {@code \0ooo}, which {@code printf %b} reads back. */
    static String octal(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder escaped = new StringBuilder(bytes.length * 5);
        for (byte b : bytes) {
            escaped.append("\\0").append(String.format("%03o", b & 0xff));
        }
        return escaped.toString();
    }
}
