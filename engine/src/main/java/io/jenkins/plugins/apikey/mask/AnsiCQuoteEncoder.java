package io.jenkins.plugins.apikey.mask;

import java.util.ArrayList;
import java.util.List;

/**
 * The inside of bash's {@code $'...'} quoting, which {@code printf %q}, {@code set -x} and
 * {@code declare -p} use for values with control characters: {@code \\} and {@code \'} escaped,
 * {@code \n \t \r \a \b \f \v \E} for those controls, three octal digits for the others; bytes
 * above 127 as they are (a UTF-8 locale) or in octal (the C locale).
 */
final class AnsiCQuoteEncoder implements FormEncoder {

    private static final boolean[] SPECIAL = ByteBuilder.setOf("\\'\u007F");

    @Override
    public String name() {
        return "ansi-c";
    }

    @Override
    public List<byte[]> encode(byte[] value) {
        if (!ByteBuilder.containsAny(value, SPECIAL, true, true)) {
            return List.of(value);
        }
        List<byte[]> forms = new ArrayList<>(2);
        forms.add(quote(value, false));
        for (byte b : value) {
            if (b < 0) {
                forms.add(quote(value, true));
                break;
            }
        }
        return forms;
    }

    private static byte[] quote(byte[] value, boolean octalAboveAscii) {
        ByteBuilder out = new ByteBuilder(value.length + 8);
        for (byte b : value) {
            int c = b & 0xFF;
            int named =
                    switch (c) {
                        case '\n' -> 'n';
                        case '\t' -> 't';
                        case '\r' -> 'r';
                        case 0x07 -> 'a';
                        case '\b' -> 'b';
                        case '\f' -> 'f';
                        case 0x0B -> 'v';
                        case 0x1B -> 'E';
                        case '\\', '\'' -> c;
                        default -> -1;
                    };
            if (named >= 0) {
                out.append('\\').append(named);
            } else if (c < 0x20 || c == 0x7F || (c >= 0x80 && octalAboveAscii)) {
                out.append('\\')
                        .append('0' + (c >> 6))
                        .append('0' + ((c >> 3) & 7))
                        .append('0' + (c & 7));
            } else {
                out.append(c);
            }
        }
        return out.toByteArray();
    }
}
