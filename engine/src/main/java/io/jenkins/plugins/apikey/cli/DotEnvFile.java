package io.jenkins.plugins.apikey.cli;

import io.jenkins.plugins.apikey.EngineMessages;
import io.jenkins.plugins.apikey.bind.BindingPlanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a dotenv file for {@code run --env-file}: {@code NAME=value} lines, optionally after
 * {@code export}, with single quotes (literal), double quotes (with {@code \\ \" \n \r \t \$}
 * escapes) or none, {@code #} comments and blank lines. Errors name the file and line, never the
 * value.
 */
final class DotEnvFile {

    /** One {@code NAME=value} line; {@code value} may be a source such as {@code env:VAR}. */
    record Entry(String name, String value, String file, int line) {
        /** Where the entry is, for messages: "NAME (.env line 3)". */
        String label() {
            return name + " (" + file + " line " + line + ")";
        }

        @Override
        public String toString() {
            return "Entry[" + label() + "]";
        }
    }

    private DotEnvFile() {}

    /**
     * The entries of {@code file}, in order.
     *
     * @throws RunFailure 66 when the file cannot be read, 64 for a line that is not an entry
     */
    static List<Entry> read(Path file) throws RunFailure {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new RunFailure(
                    RunFailure.NO_INPUT,
                    "Environment file " + file + " cannot be read: " + EngineMessages.reason(e)
                            + ". Check the path given to" + " --env-file.");
        }
        String text;
        try {
            text = SecretBytes.decode(bytes, "environment file " + file);
        } catch (UsageException e) {
            throw new RunFailure(RunFailure.USAGE, e.getMessage());
        }
        List<Entry> entries = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            Entry entry = parse(line.strip(), file.toString(), i + 1);
            if (entry != null) {
                entries.add(entry);
            }
        }
        return entries;
    }

    private static Entry parse(String line, String file, int number) throws RunFailure {
        if (line.isEmpty() || line.startsWith("#")) {
            return null;
        }
        if (line.startsWith("export ") || line.startsWith("export\t")) {
            line = line.substring(7).strip();
        }
        int equals = line.indexOf('=');
        if (equals < 0) {
            throw bad(file, number, "is not NAME=value. Write it as NAME=value, or make it a comment with #");
        }
        String name = line.substring(0, equals).strip();
        if (!BindingPlanner.isValidVariableName(name)) {
            throw bad(
                    file,
                    number,
                    "does not start with a variable name. Use letters, digits and underscores, not starting with a"
                            + " digit, before the =");
        }
        String value = value(line.substring(equals + 1).strip(), file, number);
        return new Entry(name, value, file, number);
    }

    private static String value(String raw, String file, int number) throws RunFailure {
        if (raw.startsWith("'")) {
            int end = raw.indexOf('\'', 1);
            if (end < 0) {
                throw unterminated(file, number, "'");
            }
            rest(raw.substring(end + 1), file, number);
            return raw.substring(1, end);
        }
        if (raw.startsWith("\"")) {
            StringBuilder value = new StringBuilder();
            for (int i = 1; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c == '"') {
                    rest(raw.substring(i + 1), file, number);
                    return value.toString();
                }
                if (c == '\\' && i + 1 < raw.length()) {
                    char escaped = raw.charAt(++i);
                    switch (escaped) {
                        case 'n' -> value.append('\n');
                        case 'r' -> value.append('\r');
                        case 't' -> value.append('\t');
                        case '"', '\\', '$' -> value.append(escaped);
                        default -> value.append('\\').append(escaped);
                    }
                } else {
                    value.append(c);
                }
            }
            throw unterminated(file, number, "\"");
        }
        int comment = raw.indexOf(" #");
        int tabComment = raw.indexOf("\t#");
        int end = comment < 0 ? tabComment : tabComment < 0 ? comment : Math.min(comment, tabComment);
        return (end < 0 ? raw : raw.substring(0, end)).strip();
    }

    /** What follows a closing quote: only white space or a comment. */
    private static void rest(String rest, String file, int number) throws RunFailure {
        String trimmed = rest.strip();
        if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
            throw bad(file, number, "has text after the closing quote. Put the whole value inside the quotes");
        }
    }

    private static RunFailure unterminated(String file, int number, String quote) {
        return bad(file, number, "opens a " + quote + " quote that does not close on that line. Close it");
    }

    private static RunFailure bad(String file, int number, String problem) {
        return new RunFailure(RunFailure.USAGE, "Line " + number + " of " + file + " " + problem + ".");
    }
}
