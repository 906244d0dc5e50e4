package io.jenkins.plugins.apikey.mask;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.OutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The compiled form of a set of secrets: every {@link SecretForms form} of every secret that is
 * at least the minimum length, ready to mask streams.
 *
 * <p>Immutable and safe to share between threads and streams. It is {@link Serializable} so it can
 * travel in memory; its serialized form holds the secret forms in plain bytes (but not the search
 * tables, which are rebuilt on arrival), so never persist it: persist the secrets encrypted and
 * compile again.
 */
public final class SecretMatcher implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** About how many distinct forms a key has (a UUID has 22), to size the set of forms. */
    private static final int FORMS_PER_SECRET = 24;

    /** The minimum length used when none is given: shorter forms would mask ordinary words. */
    public static final int DEFAULT_MIN_LENGTH = 4;

    private final byte[][] patterns;
    private final int minLength;
    private final List<UnmaskableSecret> unmaskable;
    private final transient PatternIndex index;

    private SecretMatcher(byte[][] patterns, int minLength, List<UnmaskableSecret> unmaskable) {
        this.patterns = patterns;
        this.minLength = minLength;
        this.unmaskable = List.copyOf(unmaskable);
        this.index = patterns.length == 0 ? null : new PatternIndex(patterns);
    }

    /** Compiles {@code secrets} with the {@link #DEFAULT_MIN_LENGTH default minimum length}. */
    public static SecretMatcher compile(Collection<String> secrets) {
        return compile(secrets, DEFAULT_MIN_LENGTH);
    }

    /**
     * Compiles the UTF-8 bytes of {@code secrets}; see {@link #compileBytes(Collection, int)}.
     * Null and empty secrets are ignored.
     *
     * @throws IllegalArgumentException if {@code minLength} is less than 1
     */
    public static SecretMatcher compile(Collection<String> secrets, int minLength) {
        List<byte[]> bytes = new ArrayList<>(secrets.size());
        for (String secret : secrets) {
            bytes.add(secret == null ? null : secret.getBytes(StandardCharsets.UTF_8));
        }
        return compileBytes(bytes, minLength);
    }

    /** Compiles {@code secrets} with the {@link #DEFAULT_MIN_LENGTH default minimum length}. */
    public static SecretMatcher compileBytes(Collection<byte[]> secrets) {
        return compileBytes(secrets, DEFAULT_MIN_LENGTH);
    }

    /**
     * Compiles secrets given as the exact bytes to mask, whatever their encoding; forms shorter
     * than {@code minLength} bytes are left out (see {@link SecretForms} for fragment forms). Null
     * and empty secrets are ignored; secrets that cannot be fully masked are reported by position
     * in {@link #unmaskable()}.
     *
     * @throws IllegalArgumentException if {@code minLength} is less than 1
     */
    public static SecretMatcher compileBytes(Collection<byte[]> secrets, int minLength) {
        if (minLength < 1) {
            throw new IllegalArgumentException("The minimum length must be at least 1, not " + minLength + ".");
        }
        FormSet forms = new FormSet(FORMS_PER_SECRET * secrets.size());
        List<UnmaskableSecret> unmaskable = new ArrayList<>();
        int position = 0;
        for (byte[] secret : secrets) {
            int index = position++;
            if (secret == null || secret.length == 0) {
                continue;
            }
            UnmaskableSecret.Reason problem = SecretForms.add(secret, minLength, forms);
            if (problem != null) {
                unmaskable.add(new UnmaskableSecret(index, problem));
            }
        }
        return new SecretMatcher(forms.sorted(), minLength, unmaskable);
    }

    /** The secrets that cannot be fully masked, by position; never their content. */
    public List<UnmaskableSecret> unmaskable() {
        return unmaskable;
    }

    /** How many distinct forms are matched. */
    public int formCount() {
        return patterns.length;
    }

    /** The forms, in {@link Arrays#compareUnsigned} order; never to be changed. */
    byte[][] patterns() {
        return patterns;
    }

    /** The search over the forms, or null when there are none. */
    PatternIndex index() {
        return index;
    }

    /** The length of the longest form; a stream holds back at most one byte less than this. */
    public int longestForm() {
        return index == null ? 0 : index.maxLength();
    }

    /** Wraps {@code out} in a masking stream; Jenkins console notes are treated as text. */
    public MaskingOutputStream newStream(OutputStream out) {
        return new MaskingOutputStream(out, index, false, false);
    }

    /**
     * Wraps {@code out} in a masking stream.
     *
     * @param keepConsoleNotes pass Jenkins console notes ({@code ESC[8mha:} to {@code ESC[0m})
     *     through unchanged, matching secrets in the text around them as if the notes were absent
     */
    public MaskingOutputStream newStream(OutputStream out, boolean keepConsoleNotes) {
        return new MaskingOutputStream(out, index, keepConsoleNotes, false);
    }

    /**
     * Wraps a build log in a masking stream that keeps Jenkins console notes and may be dropped
     * without being closed: after every write it passes on all but a possible start of a form, so
     * text that is not secret is never held back waiting for a flush or close that may not come.
     */
    public MaskingOutputStream newLogStream(OutputStream out) {
        return new MaskingOutputStream(out, index, true, true);
    }

    /** Masks a whole string, such as an error message. */
    public String mask(String text) {
        if (index == null) {
            return text;
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(text.length() + 16);
        try (OutputStream masking = newStream(buffer)) {
            masking.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "SecretMatcher[" + patterns.length + " forms, minimum length " + minLength + ", " + unmaskable.size()
                + " unmaskable]";
    }

    @Serial
    private Object writeReplace() {
        return new SerializedForm(patterns, minLength, unmaskable);
    }

    @Serial
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("SecretMatcher is read through its serialized form");
    }

    /** What is written when a matcher is serialized: the forms, not the search tables. */
    private record SerializedForm(byte[][] patterns, int minLength, List<UnmaskableSecret> unmaskable)
            implements Serializable {

        @Serial
        private Object readResolve() throws InvalidObjectException {
            if (minLength < 1 || patterns == null || unmaskable == null) {
                throw new InvalidObjectException("corrupt SecretMatcher");
            }
            for (int i = 0; i < patterns.length; i++) {
                if (patterns[i] == null
                        || patterns[i].length < minLength
                        || (i > 0 && Arrays.compareUnsigned(patterns[i - 1], patterns[i]) >= 0)) {
                    throw new InvalidObjectException("corrupt SecretMatcher");
                }
            }
            return new SecretMatcher(patterns.clone(), minLength, unmaskable);
        }
    }
}
