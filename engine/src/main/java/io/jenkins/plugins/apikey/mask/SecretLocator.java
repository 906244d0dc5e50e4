package io.jenkins.plugins.apikey.mask;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * The compiled matcher of a set of secrets that also tells, for each occurrence it finds, which
 * secret it belongs to and what kind of form it is: the same forms and the same search as {@link
 * SecretMatcher} masks with, reporting instead of replacing. Immutable and thread-safe; never
 * persist it, as it holds the forms.
 */
public final class SecretLocator {

    /** What a form is; where several secrets or encoders make the same bytes, the first. */
    record Label(int secret, String form) {}

    private final SecretMatcher matcher;
    private final Label[] labels;

    private SecretLocator(SecretMatcher matcher, Label[] labels) {
        this.matcher = matcher;
        this.labels = labels;
    }

    /**
     * Compiles secrets given as the exact bytes to find, as {@link SecretMatcher#compileBytes}
     * does; occurrences name each secret by its position in {@code secrets}.
     */
    public static SecretLocator compile(List<byte[]> secrets, int minLength) {
        SecretMatcher matcher = SecretMatcher.compileBytes(secrets, minLength);
        byte[][] patterns = matcher.patterns();
        Label[] labels = new Label[patterns.length];
        for (int i = 0; i < secrets.size(); i++) {
            byte[] secret = secrets.get(i);
            if (secret != null && secret.length > 0) {
                SecretForms.add(secret, minLength, new Labelling(patterns, labels, i));
            }
        }
        return new SecretLocator(matcher, labels);
    }

    /** The plain matcher of the same forms, for masking. */
    public SecretMatcher matcher() {
        return matcher;
    }

    /** How many distinct forms are searched for. */
    public int formCount() {
        return labels.length;
    }

    /**
     * A stream that reports every occurrence of every form in what is written to it, in order of
     * their start, with offsets counted from its first byte.
     *
     * @param keepConsoleNotes skip Jenkins console notes as {@link SecretMatcher#newStream(OutputStream,
     *     boolean)} does, finding forms across them
     */
    public OccurrenceStream newStream(OccurrenceStream.Listener listener, boolean keepConsoleNotes) {
        return new OccurrenceStream(matcher.index(), this, listener, keepConsoleNotes);
    }

    /** The label of the form that {@code text[start, end)} is; it must be one. */
    Label labelOf(byte[] text, int start, int end) throws IOException {
        int at = SortedBytes.indexOf(matcher.patterns(), text, start, end);
        if (at < 0) {
            throw new IOException("The search reported bytes that are no form.");
        }
        return labels[at];
    }

    /** Labels the forms of one secret that no earlier secret or encoder has labelled. */
    private record Labelling(byte[][] patterns, Label[] labels, int secret) implements FormSink {
        @Override
        public void add(byte[] form, FormEncoder encoder, SecretVariants.Kind kind) {
            int at = SortedBytes.indexOf(patterns, form, 0, form.length);
            if (labels[at] == null) {
                labels[at] = new Label(secret, formName(encoder, kind));
            }
        }
    }

    /**
     * The name users read for a form: the encoder's, {@code plain} for the value as it is, and
     * {@code recased} for a UUID in the other case or without dashes.
     */
    private static String formName(FormEncoder encoder, SecretVariants.Kind kind) {
        if (kind == SecretVariants.Kind.DISPLAY) {
            return "recased";
        }
        return encoder instanceof LiteralEncoder ? "plain" : encoder.name();
    }
}
