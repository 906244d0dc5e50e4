package io.jenkins.plugins.apikey.mask;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every form in which a secret can show up in a log: the encoders applied to the {@link
 * SecretVariants variants} of the secret's bytes. The whole value gets every encoder and those of
 * {@link #WHOLE_VALUE_ENCODERS}; its joined lines, the masked parts of its lines and its unquoted
 * variants get every encoder of {@link #ENCODERS}; a UUID in the other case or without dashes is
 * matched as it is.
 *
 * <p>A form shorter than the minimum length is left out, and a {@link FormEncoder#fragments()
 * fragment} form also when shorter than {@link #FRAGMENT_MIN_LENGTH}, so that a short secret
 * allowed by a lower minimum does not mask pieces of ordinary words.
 */
public final class SecretForms {

    /** The minimum length of fragment forms, whatever the configured minimum. */
    public static final int FRAGMENT_MIN_LENGTH = 4;

    /** The encoders applied to every variant but the display ones, in the order their forms are listed. */
    public static final List<FormEncoder> ENCODERS = List.of(
            new LiteralEncoder(),
            new Base64Encoder(),
            new PercentEncoder(),
            new JsonEncoder(),
            new XmlEncoder(),
            new ShellQuoteEncoder(),
            new BackslashEncoder(),
            new AnsiCQuoteEncoder(),
            new PowerShellEncoder(),
            new BatchEncoder(),
            new DollarEncoder());

    /** The encoders applied to the whole value only. */
    public static final List<FormEncoder> WHOLE_VALUE_ENCODERS = List.of(new NestedBase64Encoder(), new HexEncoder());

    private static final List<FormEncoder> DISPLAY_ENCODERS = List.of(new LiteralEncoder());
    private static final List<FormEncoder> ALL_WHOLE = concat(ENCODERS, WHOLE_VALUE_ENCODERS);

    private SecretForms() {}

    /** The distinct forms of {@code secret} at least {@code minLength} bytes long. */
    public static List<byte[]> of(byte[] secret, int minLength) {
        Set<String> forms = new LinkedHashSet<>();
        add(secret, minLength, forms);
        List<byte[]> bytes = new ArrayList<>(forms.size());
        for (String form : forms) {
            bytes.add(form.getBytes(StandardCharsets.ISO_8859_1));
        }
        return bytes;
    }

    /** The distinct forms of {@code secret}'s UTF-8 bytes, with the default minimum, as strings. */
    public static Set<String> of(String secret) {
        Set<String> forms = new LinkedHashSet<>();
        for (byte[] form : of(secret.getBytes(StandardCharsets.UTF_8), SecretMatcher.DEFAULT_MIN_LENGTH)) {
            forms.add(new String(form, StandardCharsets.UTF_8));
        }
        return forms;
    }

    /**
     * Adds the forms of {@code secret} to {@code forms}, each as a string of one char per byte
     * (ISO-8859-1), so that the set removes duplicates cheaply.
     *
     * @return why the secret cannot be fully masked, or null when it can
     */
    static UnmaskableSecret.Reason add(byte[] secret, int minLength, Collection<String> forms) {
        byte[] whole = SecretVariants.withoutTrailingLineEnds(secret);
        if (SecretVariants.isBlank(whole)) {
            return UnmaskableSecret.Reason.BLANK;
        }
        if (whole.length < minLength) {
            return UnmaskableSecret.Reason.TOO_SHORT;
        }
        UnmaskableSecret.Reason problem = null;
        int fragmentMin = Math.max(minLength, FRAGMENT_MIN_LENGTH);
        for (SecretVariants.Variant variant : SecretVariants.of(whole)) {
            if (variant.value().length < minLength) {
                if (variant.kind() == SecretVariants.Kind.LINE) {
                    problem = UnmaskableSecret.Reason.SHORT_LINES;
                }
                continue;
            }
            for (FormEncoder encoder : encoders(variant.kind())) {
                int min = encoder.fragments() ? fragmentMin : minLength;
                for (byte[] form : encoder.encode(variant.value())) {
                    byte[] text = canonical(form);
                    if (text.length >= min) {
                        forms.add(new String(text, StandardCharsets.ISO_8859_1));
                    }
                }
            }
        }
        return problem;
    }

    /**
     * What matching sees of {@code form} in a log: its text without invisible segments (see
     * {@link TextLexer}), such as the line breaks of a PEM key's 64-column lines.
     */
    private static byte[] canonical(byte[] form) {
        return TextLexer.nextControl(form, 0, form.length) < form.length ? TextLexer.textOf(form) : form;
    }

    private static List<FormEncoder> encoders(SecretVariants.Kind kind) {
        return switch (kind) {
            case WHOLE -> ALL_WHOLE;
            case DISPLAY -> DISPLAY_ENCODERS;
            default -> ENCODERS;
        };
    }

    private static List<FormEncoder> concat(List<FormEncoder> a, List<FormEncoder> b) {
        List<FormEncoder> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
