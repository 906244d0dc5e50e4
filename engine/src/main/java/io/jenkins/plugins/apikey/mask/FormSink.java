package io.jenkins.plugins.apikey.mask;

/** Receives the forms of a secret, each with the encoder and the variant it came from. */
interface FormSink {

    /**
     * Takes one form: the bytes matching sees, made by {@code encoder} from a variant of {@code
     * kind}. The same bytes may arrive more than once.
     */
    void add(byte[] form, FormEncoder encoder, SecretVariants.Kind kind);
}
