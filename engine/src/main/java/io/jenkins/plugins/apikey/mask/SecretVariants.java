package io.jenkins.plugins.apikey.mask;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The values a secret is printed from: the secret itself, and what programs make of it before
 * they print it. Each kind is encoded into a different set of forms (see {@link SecretForms}).
 */
final class SecretVariants {

    /** How a variant came from the secret. */
    enum Kind {
        /** The secret, {@link #trimmed} of blank lines and trailing line ends. */
        WHOLE,
        /** A multi-line secret with its lines joined by LF or by CRLF. */
        JOINED,
        /** The part of one line of a multi-line secret that {@link SecretLines} masks on its own. */
        LINE,
        /**
         * What a shell makes of the secret pasted unquoted into a command line: bash removes
         * quotes and backslashes, cmd.exe carets; only when the result is not plain (see {@link
         * SecretLines}), so that it is not an ordinary word.
         */
        UNQUOTED,
        /** A key of hex digits and dashes (a UUID) printed in the other case or without dashes. */
        DISPLAY
    }

    /** One value and how it came from the secret. */
    record Variant(byte[] value, Kind kind) {}

    /** Shorter keys of hex digits are words or numbers more often than keys. */
    static final int MIN_DISPLAY_LENGTH = 8;

    private SecretVariants() {}

    /**
     * {@code secret} without its leading and trailing blank lines and its trailing line ends:
     * they are never masked. Spaces and tabs at the ends of its first and last lines are kept.
     */
    static byte[] trimmed(byte[] secret) {
        int start = 0;
        int end = secret.length;
        while (true) {
            while (end > start && isLineEnd(secret[end - 1])) {
                end--;
            }
            int lineStart = end;
            while (lineStart > start && SecretLines.isBlank(secret[lineStart - 1])) {
                lineStart--;
            }
            if (lineStart == start || !isLineEnd(secret[lineStart - 1])) {
                break;
            }
            end = lineStart;
        }
        while (true) {
            int lineEnd = start;
            while (lineEnd < end && SecretLines.isBlank(secret[lineEnd])) {
                lineEnd++;
            }
            if (lineEnd == end || !isLineEnd(secret[lineEnd])) {
                break;
            }
            start = lineEnd + 1;
        }
        return start == 0 && end == secret.length ? secret : Arrays.copyOfRange(secret, start, end);
    }

    private static boolean isLineEnd(byte b) {
        return b == '\n' || b == '\r';
    }

    /** Whether {@code value} is only spaces, tabs and line ends. */
    static boolean isBlank(byte[] value) {
        for (byte b : value) {
            if (!SecretLines.isBlank(b) && !isLineEnd(b)) {
                return false;
            }
        }
        return true;
    }

    /** The variants of {@code whole}, a {@link #trimmed} secret. */
    static List<Variant> of(byte[] whole) {
        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant(whole, Kind.WHOLE));
        if (contains(whole, '\n') || contains(whole, '\r')) {
            List<byte[]> lines = SecretLines.lines(whole);
            variants.add(new Variant(join(lines, new byte[] {'\n'}), Kind.JOINED));
            variants.add(new Variant(join(lines, new byte[] {'\r', '\n'}), Kind.JOINED));
            for (byte[] line : lines) {
                byte[] unit = SecretLines.unit(line);
                if (unit != null) {
                    variants.add(new Variant(unit, Kind.LINE));
                }
            }
        }
        addUnquoted(bashWord(whole), whole, variants);
        if (contains(whole, '^')) {
            addUnquoted(cmdWord(whole), whole, variants);
        }
        if (whole.length >= MIN_DISPLAY_LENGTH && isHexWithDashes(whole)) {
            for (boolean upper : new boolean[] {false, true}) {
                variants.add(new Variant(hexCase(whole, upper, true), Kind.DISPLAY));
                variants.add(new Variant(hexCase(whole, upper, false), Kind.DISPLAY));
            }
        }
        return variants;
    }

    /** Adds {@code unquoted} unless it is the value itself or so plain that it is an ordinary word. */
    private static void addUnquoted(byte[] unquoted, byte[] whole, List<Variant> variants) {
        if (!Arrays.equals(unquoted, whole) && !SecretLines.isPlain(unquoted, 0, unquoted.length)) {
            variants.add(new Variant(unquoted, Kind.UNQUOTED));
        }
    }

    /**
     * What bash makes of {@code value} as a word of a command line (a secret pasted into a
     * script): outside quotes a backslash escapes the next byte; {@code '...'} is taken as it is;
     * inside {@code "..."} a backslash escapes only {@code $ ` " \}. A final lone backslash and an
     * unclosed quote's content are kept.
     */
    static byte[] bashWord(byte[] value) {
        ByteBuilder out = new ByteBuilder(value.length);
        int i = 0;
        while (i < value.length) {
            byte c = value[i++];
            if (c == '\\' && i < value.length) {
                out.append(value[i++]);
            } else if (c == '\'') {
                while (i < value.length && value[i] != '\'') {
                    out.append(value[i++]);
                }
                i++;
            } else if (c == '"') {
                while (i < value.length && value[i] != '"') {
                    if (value[i] == '\\' && i + 1 < value.length && "$`\"\\".indexOf(value[i + 1]) >= 0) {
                        i++;
                    }
                    out.append(value[i++]);
                }
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toByteArray();
    }

    /** What cmd.exe makes of {@code value} unquoted: a caret escapes the next byte; a final caret continues the line. */
    static byte[] cmdWord(byte[] value) {
        ByteBuilder out = new ByteBuilder(value.length);
        for (int i = 0; i < value.length; i++) {
            if (value[i] != '^') {
                out.append(value[i]);
            } else if (i + 1 < value.length) {
                out.append(value[++i]);
            }
        }
        return out.toByteArray();
    }

    private static boolean isHexWithDashes(byte[] value) {
        boolean letter = false;
        for (byte b : value) {
            boolean digit = b >= '0' && b <= '9';
            boolean hexLetter = (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
            if (!digit && !hexLetter && b != '-') {
                return false;
            }
            letter |= hexLetter || b == '-';
        }
        return letter;
    }

    private static byte[] hexCase(byte[] value, boolean upper, boolean keepDashes) {
        byte[] out = new byte[value.length];
        int n = 0;
        for (byte b : value) {
            if (b >= 'A') {
                out[n++] = (byte) (upper ? b & ~0x20 : b | 0x20);
            } else if (b != '-' || keepDashes) {
                out[n++] = b;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private static byte[] join(List<byte[]> lines, byte[] separator) {
        ByteBuilder out = new ByteBuilder(64);
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                out.append(separator, 0, separator.length);
            }
            out.append(lines.get(i), 0, lines.get(i).length);
        }
        return out.toByteArray();
    }

    static boolean contains(byte[] value, int b) {
        for (byte c : value) {
            if (c == b) {
                return true;
            }
        }
        return false;
    }
}
