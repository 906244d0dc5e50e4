package io.jenkins.plugins.apikey.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.apikey.mask.SecretForms;
import io.jenkins.plugins.apikey.preset.KeyMaterial;
import io.jenkins.plugins.apikey.preset.ServicePreset;
import io.jenkins.plugins.apikey.preset.ServicePresets;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Scans files the way {@code api-keys scan} does, with every preset's shapes, for the tests. */
final class Scans {

    /** A made-up Katalon key, a UUID. */
    static final String KATALON = "3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f1d07";
    /** A made-up Xray Cloud client id, 32 hex digits. */
    static final String XRAY_ID = "0123456789ABCDEF0123456789AB4c5d";
    /** A made-up Xray Cloud client secret, 64 hex digits. */
    static final String XRAY_SECRET = "9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0";
    /** A made-up Katalo key: public key id, dot, secret. */
    static final String KATALO = "kat_live_PubKey123456.S3cretPart0123456789abcdefXYZ";

    private Scans() {}

    static KnownKey known(String name, ServicePreset preset, String key) {
        return new KnownKey(name, preset, KeyMaterial.of(key));
    }

    static KnownKey known(String name, String key) {
        return known(name, ServicePresets.GENERIC, key);
    }

    /** What a scan with every preset's shapes and {@code known} finds in {@code file}. */
    static FileReport scan(Path file, KnownKey... known) throws IOException, InterruptedException {
        return new LeakScanner(List.of(known), ServicePresets.all()).scan(file, new KeyRegistry(null), read -> {});
    }

    /** The leaks in {@code content}, written to {@code name} in {@code dir}. */
    static List<Leak> leaks(Path dir, String name, String content, KnownKey... known)
            throws IOException, InterruptedException {
        return scan(write(dir, name, content), known).leaks();
    }

    static Path write(Path dir, String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    static Path writeGzip(Path dir, String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content);
        }
        return file;
    }

    /** The 1-based line of byte {@code offset} of {@code content}, counted independently of the scanner. */
    static long lineOf(byte[] content, long offset) {
        long line = 1;
        for (int i = 0; i < offset; i++) {
            if (content[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The 1-based column, in bytes, of byte {@code offset} of {@code content}. */
    static long columnOf(byte[] content, long offset) {
        int start = (int) offset;
        while (start > 0 && content[start - 1] != '\n') {
            start--;
        }
        return offset - start + 1;
    }

    /**
     * Fails if {@code output} holds {@code secret} or any of its forms of 8 bytes or more (shorter
     * forms are pieces of Base64 or hex that ordinary text may hold by chance).
     */
    static void assertNoSecret(String output, String... secrets) {
        for (String secret : secrets) {
            List<String> forms = new ArrayList<>();
            for (String form : SecretForms.of(secret)) {
                if (form.length() >= 8) {
                    forms.add(form);
                }
            }
            for (String form : forms) {
                // the form itself is not printed on failure: a test must not show a secret either
                assertThat(output.contains(form))
                        .as("the output holds a form of a secret (%d bytes)", form.length())
                        .isFalse();
            }
        }
    }
}
