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
        /** The secret, without its trailing line ends. */
        WHOLE,
        /** A multi-line secret with its lines joined by LF or by CRLF. */
        JOINED,
        /** The part of one line of a multi-line secret that {@link SecretLines} masks on its own. */
        LINE,
        /** What a shell leaves of the secret used unquoted: bash drops backslashes, cmd.exe carets. */
        UNQUOTED,
        /** A key of hex digits and dashes (a UUID) printed in the other case or without dashes. */
        DISPLAY
    }

    /** One value and how it came from the secret. */
    record Variant(byte[] value, Kind kind) {}

    private SecretVariants() {}

    /** {@code secret} without its trailing CR and LF bytes: a trailing line end is never masked. */
    static byte[] withoutTrailingLineEnds(byte[] secret) {
        int end = secret.length;
        while (end > 0 && (secret[end - 1] == '\n' || secret[end - 1] == '\r')) {
            end--;
        }
        return end == secret.length ? secret : Arrays.copyOf(secret, end);
    }

    /** Whether {@code value} is only spaces, tabs and line ends. */
    static boolean isBlank(byte[] value) {
        for (byte b : value) {
            if (!SecretLines.isBlank(b) && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /** The variants of {@code whole}, a value {@link #withoutTrailingLineEnds without trailing line ends}. */
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
        if (contains(whole, '\\')) {
            variants.add(new Variant(unescape(whole, (byte) '\\', true), Kind.UNQUOTED));
        }
        if (contains(whole, '^')) {
            variants.add(new Variant(unescape(whole, (byte) '^', false), Kind.UNQUOTED));
        }
        if (isHexWithDashes(whole)) {
            for (boolean upper : new boolean[] {false, true}) {
                variants.add(new Variant(hexCase(whole, upper, true), Kind.DISPLAY));
                variants.add(new Variant(hexCase(whole, upper, false), Kind.DISPLAY));
            }
        }
        return variants;
    }

    /**
     * {@code value} with every escape byte removed and the byte after it kept; a final escape
     * byte is kept by bash (nothing follows it to escape) and dropped by cmd.exe (a line
     * continuation).
     */
    private static byte[] unescape(byte[] value, byte escape, boolean keepFinal) {
        ByteBuilder out = new ByteBuilder(value.length);
        for (int i = 0; i < value.length; i++) {
            if (value[i] != escape) {
                out.append(value[i]);
            } else if (i + 1 < value.length) {
                out.append(value[++i]);
            } else if (keepFinal) {
                out.append(escape);
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
        ByteBuilder out = new ByteBuilder(value.length);
        for (byte b : value) {
            if (b == '-' && !keepDashes) {
                continue;
            }
            boolean letter = (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
            out.append(letter ? (upper ? b & ~0x20 : b | 0x20) : b);
        }
        return out.toByteArray();
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
