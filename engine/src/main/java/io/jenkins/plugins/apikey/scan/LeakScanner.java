package io.jenkins.plugins.apikey.scan;

import io.jenkins.plugins.apikey.mask.SecretLocator;
import io.jenkins.plugins.apikey.mask.SecretMatcher;
import io.jenkins.plugins.apikey.mask.UnmaskableSecret;
import io.jenkins.plugins.apikey.preset.ServicePreset;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Finds keys in files: every form of every known key, with the masker's own forms and matcher,
 * and the keys that the presets' {@link io.jenkins.plugins.apikey.preset.KeyShape shapes} find,
 * in one pass per file. Compiled once; immutable and thread-safe, so one scanner can scan many
 * files at once. It holds the known keys' forms in memory: never persist it.
 */
public final class LeakScanner {

    private final List<KnownKey> known;
    private final SecretLocator locator;
    private final int[] owners;
    private final boolean[] derived;
    private final List<UnmaskableSecret> unfindable;
    private final ShapeRules shapes;

    /**
     * @param known the keys to find in every form
     * @param presets the presets whose key shapes to look for, such as {@link
     *     io.jenkins.plugins.apikey.preset.ServicePresets#all()}; none to look for known keys only
     */
    public LeakScanner(List<KnownKey> known, List<ServicePreset> presets) {
        this.known = List.copyOf(known);
        List<byte[]> secrets = new ArrayList<>();
        List<Integer> ownerList = new ArrayList<>();
        List<Boolean> derivedList = new ArrayList<>();
        for (int k = 0; k < this.known.size(); k++) {
            KnownKey key = this.known.get(k);
            for (String value : key.preset().maskValues(key.material())) {
                secrets.add(value.getBytes(StandardCharsets.UTF_8));
                ownerList.add(k);
                derivedList.add(!value.equals(key.material().key()));
            }
        }
        this.owners = ownerList.stream().mapToInt(Integer::intValue).toArray();
        this.derived = new boolean[derivedList.size()];
        for (int i = 0; i < derived.length; i++) {
            derived[i] = derivedList.get(i);
        }
        this.locator = secrets.isEmpty() ? null : SecretLocator.compile(secrets, SecretMatcher.DEFAULT_MIN_LENGTH);
        List<UnmaskableSecret> problems = new ArrayList<>();
        if (locator != null) {
            for (UnmaskableSecret problem : locator.matcher().unmaskable()) {
                if (!derived[problem.index()]) {
                    problems.add(new UnmaskableSecret(owners[problem.index()], problem.reason()));
                }
            }
        }
        this.unfindable = List.copyOf(problems);
        this.shapes = new ShapeRules(presets);
    }

    /** The known keys, in the order given. */
    public List<KnownKey> knownKeys() {
        return known;
    }

    /**
     * The known keys that cannot be found in full, named by their position in {@link #knownKeys()}:
     * too short, blank, or with lines too short to be found on their own.
     */
    public List<UnmaskableSecret> unfindable() {
        return unfindable;
    }

    /**
     * Scans one file; a gzip file is scanned decompressed.
     *
     * @param keys numbers (and, if it does so, verifies) the keys found, across the files of one scan
     * @param read learns how many bytes of the file have been read so far, for progress
     * @return what was found; a binary file (a NUL byte in its first 8 KiB) is not scanned
     * @throws IOException if the file cannot be read; an interrupted scan throws {@link
     *     java.io.InterruptedIOException}
     */
    public FileReport scan(Path file, KeyRegistry keys, LongConsumer read) throws IOException, InterruptedException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        boolean gzip = FileInput.isGzip(file);
        FileScan scan = new FileScan(locator, shapes);
        boolean text;
        try (InputStream in = FileInput.open(file, gzip, read)) {
            text = scan.run(in);
        }
        List<Leak> leaks = text ? new LeakAssembly(file, known, owners, derived, keys).leaks(scan) : List.of();
        return new FileReport(file, attributes.size(), attributes.lastModifiedTime(), gzip, !text, leaks);
    }
}
