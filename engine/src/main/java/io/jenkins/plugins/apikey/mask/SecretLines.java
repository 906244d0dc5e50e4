package io.jenkins.plugins.apikey.mask;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rule for the lines of a multi-line secret (a credentials file, a PEM key): which part of
 * each line is masked on its own, besides the whole value.
 *
 * <p>A line is first trimmed of spaces and tabs. Nothing of it is masked on its own when it is
 * then empty, or <em>structural</em>: without a letter or digit ({@code {}, {@code -----}), an
 * armour line that starts and ends with {@code ---} ({@code -----BEGIN RSA PRIVATE KEY-----}), or
 * a section header in brackets ({@code [default]}). A <em>setting</em>, {@code name = value} or
 * {@code name: value} (the name optionally quoted, made of letters, digits, {@code _ . -} and not
 * starting with a digit; the value not starting with {@code =} or {@code :}, one trailing
 * {@code ,} or {@code ;} and one pair of quotes around it removed), has its value masked on its
 * own unless the value is <em>plain</em>: at most {@value #PLAIN_VALUE_MAX} bytes of lower-case
 * ASCII letters, digits and {@code . _ : / -} ({@code region = us-east-1}, {@code "type":
 * "service_account",}). Any other line is masked whole.
 */
final class SecretLines {

    static final int PLAIN_VALUE_MAX = 16;

    private SecretLines() {}

    /** The lines of {@code value}, split at LF, CRLF or CR, without their line ends. */
    static List<byte[]> lines(byte[] value) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < value.length; i++) {
            if (value[i] == '\n' || value[i] == '\r') {
                lines.add(Arrays.copyOfRange(value, start, i));
                if (value[i] == '\r' && i + 1 < value.length && value[i + 1] == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        lines.add(Arrays.copyOfRange(value, start, value.length));
        return lines;
    }

    /** What of {@code line} is masked on its own, or null when nothing is. */
    static byte[] unit(byte[] line) {
        int from = 0;
        int to = line.length;
        while (from < to && isBlank(line[from])) {
            from++;
        }
        while (to > from && isBlank(line[to - 1])) {
            to--;
        }
        if (from == to || isStructural(line, from, to)) {
            return null;
        }
        int valueStart = settingValueStart(line, from, to);
        if (valueStart < 0) {
            return Arrays.copyOfRange(line, from, to);
        }
        return settingValue(line, valueStart, to);
    }

    private static boolean isStructural(byte[] line, int from, int to) {
        boolean letterOrDigit = false;
        for (int i = from; i < to && !letterOrDigit; i++) {
            letterOrDigit = isLetterOrDigit(line[i]) || line[i] < 0;
        }
        return !letterOrDigit
                || (to - from >= 3 && startsWithDashes(line, from) && startsWithDashes(line, to - 3))
                || (line[from] == '[' && line[to - 1] == ']');
    }

    private static boolean startsWithDashes(byte[] line, int at) {
        return line[at] == '-' && line[at + 1] == '-' && line[at + 2] == '-';
    }

    /** Where the value of a setting line starts, or -1 when the line is not a setting. */
    private static int settingValueStart(byte[] line, int from, int to) {
        int i = from;
        byte quote = line[i] == '"' || line[i] == '\'' ? line[i++] : 0;
        if (i >= to || !(isLetter(line[i]) || line[i] == '_')) {
            return -1;
        }
        while (i < to && (isLetterOrDigit(line[i]) || line[i] == '_' || line[i] == '.' || line[i] == '-')) {
            i++;
        }
        if (quote != 0) {
            if (i >= to || line[i] != quote) {
                return -1;
            }
            i++;
        }
        while (i < to && isBlank(line[i])) {
            i++;
        }
        if (i >= to || (line[i] != '=' && line[i] != ':')) {
            return -1;
        }
        i++;
        while (i < to && isBlank(line[i])) {
            i++;
        }
        return i < to && (line[i] == '=' || line[i] == ':') ? -1 : i;
    }

    private static byte[] settingValue(byte[] line, int from, int to) {
        if (to > from && (line[to - 1] == ',' || line[to - 1] == ';')) {
            to--;
            while (to > from && isBlank(line[to - 1])) {
                to--;
            }
        }
        if (to - from >= 2 && (line[from] == '"' || line[from] == '\'') && line[to - 1] == line[from]) {
            from++;
            to--;
        }
        if (from == to || isPlain(line, from, to)) {
            return null;
        }
        return Arrays.copyOfRange(line, from, to);
    }

    /** Whether {@code value[from, to)} reads as ordinary text: short, lower case, no symbols but {@code . _ : / -}. */
    static boolean isPlain(byte[] value, int from, int to) {
        if (to - from > PLAIN_VALUE_MAX) {
            return false;
        }
        for (int i = from; i < to; i++) {
            byte b = value[i];
            boolean plain = (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || ".:_/-".indexOf(b) >= 0;
            if (!plain) {
                return false;
            }
        }
        return true;
    }

    static boolean isBlank(byte b) {
        return b == ' ' || b == '\t';
    }

    private static boolean isLetter(byte b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
    }

    private static boolean isLetterOrDigit(byte b) {
        return isLetter(b) || (b >= '0' && b <= '9');
    }
}
