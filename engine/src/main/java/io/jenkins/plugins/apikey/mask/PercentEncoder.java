package io.jenkins.plugins.apikey.mask;

import java.util.ArrayList;
import java.util.List;

/**
 * Percent-encoding (URLs, form bodies) with upper- and lower-case hex digits and space as
 * {@code +} or {@code %20}.
 *
 * <p>Letters, digits and {@code -._} are never encoded; bytes that are neither those nor
 * reserved are always encoded. Libraries differ in which reserved characters ({@code :/?#[]@},
 * {@code !$&'()*+,;=} and {@code ~}) they leave as they are: {@code quote()} keeps {@code /},
 * {@code encodeURIComponent} keeps {@code !'()*~}, {@code encodeURI} keeps all but {@code []}.
 * So when the value holds at most {@value #ALL_COMBINATIONS_UP_TO} distinct reserved characters,
 * every choice of kept and encoded ones is a form; above that, the choices of the libraries above
 * and of {@code URLEncoder}, Go's {@code PathEscape}, Python before 3.7 (which encoded {@code ~})
 * and RFC 3986 are.
 */
final class PercentEncoder implements FormEncoder {

    static final int ALL_COMBINATIONS_UP_TO = 4;

    private static final String RESERVED = ":/?#[]@!$&'()*+,;=~";
    private static final List<String> LIBRARY_SAFE_SETS =
            List.of("", "~", "/", "/~", "*", "!'()*~", ":/?#@!$&'()*+,;=~", "$&+,/:;=@~");

    @Override
    public String name() {
        return "percent";
    }

    private static final boolean[] ENCODED = notUnreserved();

    @Override
    public List<byte[]> encode(byte[] value) {
        if (!ByteBuilder.containsAny(value, ENCODED, true, true)) {
            return List.of(value);
        }
        String reserved = reservedIn(value);
        List<String> safeSets = new ArrayList<>();
        if (reserved.length() <= ALL_COMBINATIONS_UP_TO) {
            for (int subset = 0; subset < 1 << reserved.length(); subset++) {
                StringBuilder safe = new StringBuilder();
                for (int i = 0; i < reserved.length(); i++) {
                    if ((subset & 1 << i) != 0) {
                        safe.append(reserved.charAt(i));
                    }
                }
                safeSets.add(safe.toString());
            }
        } else {
            safeSets.addAll(LIBRARY_SAFE_SETS);
        }
        boolean hasSpace = SecretVariants.contains(value, ' ');
        List<byte[]> forms = new ArrayList<>(safeSets.size() * 4);
        for (String safe : safeSets) {
            for (boolean upperHex : new boolean[] {true, false}) {
                forms.add(encode(value, safe, upperHex, false));
                if (hasSpace) {
                    forms.add(encode(value, safe, upperHex, true));
                }
            }
        }
        return forms;
    }

    private static String reservedIn(byte[] value) {
        StringBuilder found = new StringBuilder();
        for (byte b : value) {
            if (RESERVED.indexOf(b) >= 0 && found.indexOf(String.valueOf((char) b)) < 0) {
                found.append((char) b);
            }
        }
        return found.toString();
    }

    private static byte[] encode(byte[] value, String safe, boolean upperHex, boolean spaceAsPlus) {
        ByteBuilder out = new ByteBuilder(value.length * 3);
        for (byte b : value) {
            int c = b & 0xFF;
            if (isAlphanumeric(c) || c == '-' || c == '.' || c == '_' || (c < 0x80 && safe.indexOf(c) >= 0)) {
                out.append(c);
            } else if (c == ' ' && spaceAsPlus) {
                out.append('+');
            } else {
                out.append('%').appendHex(c, 2, upperHex);
            }
        }
        return out.toByteArray();
    }

    private static boolean[] notUnreserved() {
        boolean[] set = new boolean[128];
        for (int c = 0; c < 128; c++) {
            set[c] = !(isAlphanumeric(c) || c == '-' || c == '.' || c == '_');
        }
        return set;
    }

    private static boolean isAlphanumeric(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
