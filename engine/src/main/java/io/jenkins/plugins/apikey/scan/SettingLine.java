package io.jenkins.plugins.apikey.scan;

import java.util.Arrays;

/**
 * A line read as one setting of a YAML, JSON, properties or dotenv file: indentation, an optional
 * YAML list dash or {@code export}, a name (optionally quoted), {@code :} or {@code =}, a value
 * (quotes, a trailing comma and a YAML comment left out).
 *
 * @param indent the column of the name, counting a list dash as indentation
 * @param item whether the line starts a YAML list item
 * @param nameFrom where the name starts in the line's bytes
 * @param nameTo where it ends
 * @param valueFrom where the value starts
 * @param valueTo where it ends
 */
record SettingLine(int indent, boolean item, int nameFrom, int nameTo, int valueFrom, int valueTo) {

    private static final byte[] EXPORT = {'e', 'x', 'p', 'o', 'r', 't', ' '};

    /** The setting on {@code line}, or null when the line is not one. */
    static SettingLine parse(Line line) {
        byte[] b = line.bytes;
        int end = line.to;
        int p = Quotes.skipBlanks(b, line.from, end);
        boolean item = false;
        if (p + 1 < end && b[p] == '-' && Ascii.isBlank(b[p + 1])) {
            item = true;
            p = Quotes.skipBlanks(b, p + 1, end);
        }
        int indent = p - line.from;
        if (p + EXPORT.length < end && Arrays.equals(b, p, p + EXPORT.length, EXPORT, 0, EXPORT.length)) {
            p += EXPORT.length;
        }
        byte quote = p < end && (b[p] == '"' || b[p] == '\'') ? b[p] : 0;
        int nameFrom = quote == 0 ? p : p + 1;
        int nameTo = nameFrom;
        while (nameTo < end && isNameByte(b[nameTo])) {
            nameTo++;
        }
        if (nameTo == nameFrom) {
            return null;
        }
        p = nameTo;
        if (quote != 0) {
            if (p == end || b[p] != quote) {
                return null;
            }
            p++;
        }
        p = Quotes.skipBlanks(b, p, end);
        if (p == end || (b[p] != ':' && b[p] != '=')) {
            return null;
        }
        int valueFrom = Quotes.skipBlanks(b, p + 1, end);
        int valueTo = end;
        while (valueTo > valueFrom
                && (Ascii.isBlank(b[valueTo - 1]) || b[valueTo - 1] == ',' || b[valueTo - 1] == '\r')) {
            valueTo--;
        }
        if (valueTo - valueFrom >= 2
                && (b[valueFrom] == '"' || b[valueFrom] == '\'')
                && b[valueTo - 1] == b[valueFrom]) {
            valueFrom++;
            valueTo--;
        } else {
            valueTo = withoutComment(b, valueFrom, valueTo);
        }
        return new SettingLine(indent, item, nameFrom, nameTo, valueFrom, valueTo);
    }

    /** {@code b[from, to)} up to a YAML comment: a {@code #} after a blank. */
    private static int withoutComment(byte[] b, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            if (b[i] == '#' && Ascii.isBlank(b[i - 1])) {
                int end = i - 1;
                while (end > from && Ascii.isBlank(b[end - 1])) {
                    end--;
                }
                return end;
            }
        }
        return to;
    }

    private static boolean isNameByte(byte c) {
        return Ascii.isWord(c) || c == '-' || c == '.';
    }
}
