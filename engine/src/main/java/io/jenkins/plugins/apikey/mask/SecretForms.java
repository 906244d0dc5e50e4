package io.jenkins.plugins.apikey.mask;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every form in which a secret can show up in a log: each encoder applied to the secret and, for
 * a multi-line secret, to each of its lines and to the whole value with {@code \n} and with
 * {@code \r\n} line ends.
 */
public final class SecretForms {

    /** The encoders, in the order their forms are listed. */
    public static final List<FormEncoder> ENCODERS = List.of(
            new LiteralEncoder(),
            new Base64Encoder(),
            new PercentEncoder(),
            new JsonEncoder(),
            new XmlEncoder(),
            new ShellQuoteEncoder(),
            new BackslashEncoder(),
            new BatchEncoder(),
            new DollarEncoder());

    private SecretForms() {}

    /** The distinct forms of {@code secret}, as UTF-8 strings; empty for an empty secret. */
    public static Set<String> of(String secret) {
        Set<String> forms = new LinkedHashSet<>();
        for (String variant : variants(secret)) {
            for (FormEncoder encoder : ENCODERS) {
                for (String form : encoder.encode(variant)) {
                    if (!form.isEmpty()) {
                        forms.add(form);
                    }
                }
            }
        }
        return forms;
    }

    /**
     * The values the encoders see: the secret itself and, when it spans several lines, its
     * non-empty lines and the whole value re-joined with LF and with CRLF.
     */
    static List<String> variants(String secret) {
        List<String> variants = new ArrayList<>();
        if (secret.isEmpty()) {
            return variants;
        }
        variants.add(secret);
        List<String> lines = lines(secret);
        if (lines.size() > 1 || secret.indexOf('\n') >= 0 || secret.indexOf('\r') >= 0) {
            variants.add(String.join("\n", lines));
            variants.add(String.join("\r\n", lines));
            for (String line : lines) {
                if (!line.isEmpty()) {
                    variants.add(line);
                }
            }
        }
        return variants;
    }

    /** The lines of {@code value}, split at LF, CRLF or CR; a final line end adds no empty line. */
    static List<String> lines(String value) {
        return value.lines().toList();
    }

    static int utf8Length(String value) {
        return value.getBytes(StandardCharsets.UTF_8).length;
    }
}
