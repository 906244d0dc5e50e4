package io.jenkins.plugins.apikey.exchange;

import java.util.Optional;

/**
 * Finds one string member at the top level of a JSON object, which is all that token answers
 * need of JSON objects ({@code access_token}, {@code error}). Nested values are skipped, not
 * checked.
 */
final class JsonMembers {

    private final String text;
    private int at;

    private JsonMembers(String text) {
        this.text = text;
    }

    /** The string value of member {@code name} of {@code document}, if it is an object that has one. */
    static Optional<String> string(String document, String name) {
        try {
            return new JsonMembers(document).find(name);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private Optional<String> find(String name) {
        Optional<String> found = Optional.empty();
        skipSpace();
        expect('{');
        skipSpace();
        if (text.charAt(at) == '}') {
            at++;
        } else {
            char separator;
            do {
                skipSpace();
                String member = string();
                skipSpace();
                expect(':');
                skipSpace();
                if (text.charAt(at) == '"') {
                    String value = string();
                    if (found.isEmpty() && member.equals(name)) {
                        found = Optional.of(value);
                    }
                } else {
                    skipValue();
                }
                skipSpace();
                separator = text.charAt(at++);
            } while (separator == ',');
            if (separator != '}') {
                throw new IllegalArgumentException("not a JSON object");
            }
        }
        skipSpace();
        if (at != text.length()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        return found;
    }

    private String string() {
        int start = at;
        expect('"');
        while (text.charAt(at) != '"') {
            at += text.charAt(at) == '\\' ? 2 : 1;
        }
        at++;
        return JsonStrings.unquote(text.substring(start, at));
    }

    private void skipValue() {
        char first = text.charAt(at);
        if (first != '{' && first != '[') {
            int start = at;
            while (at < text.length() && isLiteral(text.charAt(at))) {
                at++;
            }
            if (at == start) {
                throw new IllegalArgumentException("not a JSON value");
            }
            return;
        }
        int depth = 0;
        do {
            char c = text.charAt(at);
            if (c == '"') {
                string();
                continue;
            }
            if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
            at++;
        } while (depth > 0);
    }

    private static boolean isLiteral(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '+' || c == '.';
    }

    private void skipSpace() {
        while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
    }

    private void expect(char c) {
        if (text.charAt(at) != c) {
            throw new IllegalArgumentException("expected " + c);
        }
        at++;
    }
}
