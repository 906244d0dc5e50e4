package io.jenkins.plugins.apikey.mask;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
 * <p>A form shorter than the minimum length is left out, and {@link FormEncoder#fragments()
 * fragment} forms are made only of values of at least {@link #FRAGMENT_MIN_VALUE} bytes, so that a
 * short secret allowed by a lower minimum does not mask pieces of ordinary words.
 */
public final class SecretForms {

    /**
     * The shortest value whose fragment forms are made, whatever the configured minimum: the
     * Base64 and hex of a shorter one are a few characters that ordinary words and numbers hold.
     */
    public static final int FRAGMENT_MIN_VALUE = 4;

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
        FormSet forms = new FormSet(64);
        add(secret, minLength, forms);
        return List.of(forms.sorted());
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
     * Adds the forms of {@code secret} to {@code forms}.
     *
     * @return why the secret cannot be fully masked, or null when it can
     */
    static UnmaskableSecret.Reason add(byte[] secret, int minLength, FormSink forms) {
        byte[] whole = SecretVariants.trimmed(secret);
        if (SecretVariants.isBlank(whole)) {
            return UnmaskableSecret.Reason.BLANK;
        }
        if (whole.length < minLength) {
            return UnmaskableSecret.Reason.TOO_SHORT;
        }
        UnmaskableSecret.Reason problem = null;
        for (SecretVariants.Variant variant : SecretVariants.of(whole)) {
            if (variant.value().length < minLength) {
                if (variant.kind() == SecretVariants.Kind.LINE) {
                    problem = UnmaskableSecret.Reason.SHORT_LINES;
                }
                continue;
            }
            boolean literalAdded = false;
            boolean controls = hasControl(variant.value());
            for (FormEncoder encoder : encoders(variant.kind())) {
                if (encoder.fragments() && variant.value().length < FRAGMENT_MIN_VALUE) {
                    continue;
                }
                for (byte[] form : encoder.encode(variant.value())) {
                    if (form == variant.value()) {
                        // most encoders leave most keys as they are: add the value once
                        if (literalAdded) {
                            continue;
                        }
                        literalAdded = true;
                    }
                    byte[] text = controls ? TextLexer.textOf(form) : form;
                    if (text.length >= minLength) {
                        forms.add(text, encoder, variant.kind());
                    }
                }
            }
        }
        return problem;
    }

    /**
     * Whether {@code value} has control bytes, and so may have forms with invisible segments (see
     * {@link TextLexer}), such as the line breaks of a PEM key's 64-column lines; forms are
     * matched as what matching sees of them, their text. Encoders add control bytes to no value.
     */
    private static boolean hasControl(byte[] value) {
        for (byte b : value) {
            if (b >= 0 && b < 0x20) {
                return true;
            }
        }
        return false;
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
