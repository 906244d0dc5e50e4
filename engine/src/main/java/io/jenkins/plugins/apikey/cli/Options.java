package io.jenkins.plugins.apikey.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parsed command-line options: {@code --name value}, {@code --name=value} and bare flags, each
 * name checked against the ones the command accepts. Everything after {@code --} is kept as the
 * command to run.
 */
final class Options {

    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final List<String> command = new ArrayList<>();

    private Options() {}

    /**
     * @param valued options that take a value
     * @param flags options that take none
     */
    static Options parse(String[] args, Set<String> valued, Set<String> flags) throws UsageException {
        Options options = new Options();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                options.command.addAll(List.of(args).subList(i + 1, args.length));
                break;
            }
            if (!arg.startsWith("--")) {
                throw new UsageException("Unexpected argument '" + arg + "'. See --help for the options.");
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
            if (flags.contains(name)) {
                if (equals >= 0) {
                    throw new UsageException("--" + name + " takes no value.");
                }
                options.values.computeIfAbsent(name, n -> new ArrayList<>()).add("");
            } else if (valued.contains(name)) {
                String value;
                if (equals >= 0) {
                    value = arg.substring(equals + 1);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new UsageException("--" + name + " needs a value. See --help.");
                }
                options.values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            } else {
                throw new UsageException("Unknown option --" + name + ". See --help for the options.");
            }
        }
        return options;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** The integer value of {@code name}, or {@code fallback}; must be at least {@code min}. */
    int integer(String name, int fallback, int min) throws UsageException {
        List<String> given = all(name);
        if (given.isEmpty()) {
            return fallback;
        }
        String text = given.get(given.size() - 1);
        try {
            int value = Integer.parseInt(text);
            if (value >= min) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--" + name + " must be a whole number of at least " + min + ", not '" + text + "'.");
    }

    List<String> command() {
        return command;
    }
}
