package io.jenkins.plugins.apikey.mask;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The masking rules written the slow, obvious way, as the oracle for property tests: split the
 * whole input into text and invisible segments by trying each rule at each byte, find every
 * occurrence of every form in the text by brute force, merge ranges that overlap or touch, and
 * write each as the mask followed by the invisible segments inside it.
 */
final class NaiveMasker {

    private static final byte ESC = 0x1B;
    private static final String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_";

    private final List<byte[]> forms = new ArrayList<>();
    private final boolean notes;

    NaiveMasker(Collection<String> secrets, int minLength, boolean notes) {
        this(secrets.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList(), minLength, notes);
    }

    NaiveMasker(List<byte[]> secrets, int minLength, boolean notes) {
        this.notes = notes;
        for (byte[] secret : secrets) {
            forms.addAll(SecretForms.of(secret, minLength));
        }
    }

    List<byte[]> forms() {
        return forms;
    }

    /** An invisible segment before text byte {@code position}. */
    record Segment(int position, byte[] bytes) {}

    /** The input split into text and invisible segments. */
    record Lexed(byte[] text, List<Segment> segments) {}

    byte[] mask(byte[] input) {
        Lexed lexed = lex(input);
        byte[] text = lexed.text();
        List<int[]> ranges = new ArrayList<>();
        for (int p = 0; p < text.length; p++) {
            for (byte[] form : forms) {
                if (occursAt(text, p, form)) {
                    ranges.add(new int[] {p, p + form.length});
                }
            }
        }
        ranges.sort((a, b) -> Integer.compare(a[0], b[0]));
        List<int[]> merged = new ArrayList<>();
        for (int[] range : ranges) {
            if (!merged.isEmpty() && range[0] <= merged.get(merged.size() - 1)[1]) {
                int[] last = merged.get(merged.size() - 1);
                last[1] = Math.max(last[1], range[1]);
            } else {
                merged.add(range.clone());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int segment = 0;
        int next = 0;
        List<Segment> segments = lexed.segments();
        for (int p = 0; p <= text.length; p++) {
            if (next < merged.size() && merged.get(next)[0] == p) {
                int end = merged.get(next++)[1];
                while (segment < segments.size() && segments.get(segment).position() <= p) {
                    out.writeBytes(segments.get(segment++).bytes());
                }
                out.writeBytes(MaskingOutputStream.MASK.getBytes(StandardCharsets.US_ASCII));
                while (segment < segments.size() && segments.get(segment).position() < end) {
                    out.writeBytes(segments.get(segment++).bytes());
                }
                p = end - 1;
                continue;
            }
            while (segment < segments.size() && segments.get(segment).position() <= p) {
                out.writeBytes(segments.get(segment++).bytes());
            }
            if (p < text.length) {
                out.write(text[p]);
            }
        }
        return out.toByteArray();
    }

    /** The text of {@code input} and its invisible segments, by the rules of {@link TextLexer}. */
    Lexed lex(byte[] input) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        List<Segment> segments = new ArrayList<>();
        int lineStart = 0;
        boolean indent = false;
        int i = 0;
        while (i < input.length) {
            byte c = input[i];
            if (indent && (c == ' ' || c == '\t')) {
                segments.add(new Segment(text.size(), new byte[] {c}));
                i++;
                continue;
            }
            indent = false;
            int invisible = c == ESC ? Math.max(notes ? noteLength(input, i) : 0, colourLength(input, i)) : 0;
            if ((c == '\r' || c == '\n') && isWrappedLine(Arrays.copyOfRange(input, lineStart, i), c == '\n')) {
                invisible = 1;
                indent = c == '\n';
            }
            if (invisible > 0) {
                segments.add(new Segment(text.size(), Arrays.copyOfRange(input, i, i + invisible)));
            } else {
                text.write(c);
                invisible = 1;
            }
            i += invisible;
            if (c == '\n') {
                lineStart = i;
            }
        }
        return new Lexed(text.toByteArray(), segments);
    }

    private int noteLength(byte[] input, int at) {
        byte[] start = "\u001B[8mha:".getBytes(StandardCharsets.US_ASCII);
        if (!occursAt(input, at, start)) {
            return 0;
        }
        int i = at + start.length;
        while (i < input.length
                && "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=".indexOf(input[i]) >= 0) {
            i++;
        }
        if (!occursAt(input, i, "\u001B[0m".getBytes(StandardCharsets.US_ASCII))) {
            return 0;
        }
        int end = i + 4;
        if (end - at > TextLexer.MAX_NOTE_LENGTH) {
            return 0;
        }
        for (int p = at; p < end; p++) {
            for (byte[] form : forms) {
                if (p + form.length <= end && occursAt(input, p, form)) {
                    return 0;
                }
            }
        }
        return end - at;
    }

    private static int colourLength(byte[] input, int at) {
        if (at + 1 >= input.length || input[at + 1] != '[') {
            return 0;
        }
        int i = at + 2;
        while (i < input.length && i - at - 2 < TextLexer.MAX_SGR_PARAMETERS && "0123456789;:".indexOf(input[i]) >= 0) {
            i++;
        }
        return i < input.length && input[i] == 'm' ? i + 1 - at : 0;
    }

    private static boolean isWrappedLine(byte[] line, boolean lineFeed) {
        int length = line.length;
        if (lineFeed && length > 0 && line[length - 1] == '\r') {
            length--;
        }
        int indent = 0;
        while (indent < length && indent < TextLexer.MAX_INDENT && (line[indent] == ' ' || line[indent] == '\t')) {
            indent++;
        }
        int width = length - indent;
        if (width != 60 && width != 64 && width != 76) {
            return false;
        }
        for (int k = indent; k < length; k++) {
            if (line[k] < 0 || BASE64.indexOf(line[k]) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean occursAt(byte[] text, int p, byte[] form) {
        if (p < 0 || p + form.length > text.length) {
            return false;
        }
        for (int k = 0; k < form.length; k++) {
            if (text[p + k] != form[k]) {
                return false;
            }
        }
        return true;
    }
}
