package io.jenkins.plugins.apikey.scan;

import static io.jenkins.plugins.apikey.testing.PropertyCheck.forAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.apikey.mask.FormEncoder;
import io.jenkins.plugins.apikey.mask.Occurrence;
import io.jenkins.plugins.apikey.mask.SecretForms;
import io.jenkins.plugins.apikey.preset.KeyMaterial;
import io.jenkins.plugins.apikey.preset.ServicePresets;
import io.jenkins.plugins.apikey.testing.Gen;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated files with known keys in random forms at random places, among log lines, console
 * notes, colour sequences and multi-byte text, some gzip, some larger than the scanner's buffer:
 * every key is found where it is, with its line and byte column, nothing is found elsewhere, and
 * redaction replaces exactly the findings by {@code ****} (keeping the notes and colour inside
 * them) and leaves every other byte as it was, after which a scan finds nothing.
 */
class ScanPropertyTest {

    private static final String HEX = "0123456789abcdef";
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String SYMBOLS = ALNUM + "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    private static final List<FormEncoder> ENCODERS = new ArrayList<>(SecretForms.ENCODERS);

    static {
        ENCODERS.addAll(SecretForms.WHOLE_VALUE_ENCODERS);
    }

    private static final List<String> LINES = List.of(
            "[INFO] Downloading from central: https://repo.maven.apache.org/maven2/org/x/1.0/x-1.0.pom",
            "Started by user admin",
            "+ katalonc -noSplash -runMode=console -apiKey=$KATALON_API_KEY",
            "apiKey: ${KATALON_API_KEY}",
            "client_id: see the vault",
            "\u001b[32m[Pipeline] sh\u001b[0m",
            "日本語のログ ä € 🙂",
            "Authorization: Basic ****",
            "Finished: SUCCESS",
            "",
            "\t at org.example.Main(Main.java:42)");

    @TempDir
    Path dir;

    /** A known key, its name in findings, and how it is printed at each place. */
    record Key(String name, String value, boolean katalon) {
        @Override
        public String toString() {
            return name + "[" + value.length() + " characters" + (katalon ? ", katalon" : "") + "]";
        }
    }

    /** One printed key: the bytes, its key, and what it was made of, for the failure message. */
    record Token(int key, byte[] bytes, String how) {
        @Override
        public String toString() {
            return "key " + key + " " + how + " (" + bytes.length + " bytes)";
        }
    }

    /** A file: gaps of ordinary text between tokens, {@code gaps.size() == tokens.size() + 1}. */
    record Scenario(List<Key> keys, List<byte[]> gaps, List<Token> tokens, boolean gzip) {
        @Override
        public String toString() {
            long size = gaps.stream().mapToLong(g -> g.length).sum()
                    + tokens.stream().mapToLong(t -> t.bytes().length).sum();
            return "Scenario[keys=" + keys + ", tokens=" + tokens + ", bytes=" + size + ", gzip=" + gzip + "]";
        }

        List<KnownKey> known() {
            return keys.stream()
                    .map(k -> new KnownKey(
                            k.name(),
                            k.katalon() ? ServicePresets.KATALON : ServicePresets.GENERIC,
                            KeyMaterial.of(k.value())))
                    .toList();
        }
    }

    static Gen<Scenario> scenarios() {
        return random -> {
            List<Key> keys = new ArrayList<>();
            int keyCount = 1 + random.nextInt(4);
            for (int k = 0; k < keyCount; k++) {
                String value = key(random);
                keys.add(new Key("KEY_" + k, value, isUuid(value) && random.nextBoolean()));
            }
            int tokenCount = random.nextInt(8);
            boolean large = random.nextInt(12) == 0;
            List<byte[]> gaps = new ArrayList<>();
            List<Token> tokens = new ArrayList<>();
            for (int i = 0; i <= tokenCount; i++) {
                gaps.add(gap(random, i, large && random.nextInt(3) == 0));
                if (i < tokenCount) {
                    int key = random.nextInt(keyCount);
                    tokens.add(token(random, key, keys.get(key).value()));
                }
            }
            return new Scenario(keys, gaps, tokens, random.nextInt(5) == 0);
        };
    }

    private static String key(Random random) {
        return switch (random.nextInt(5)) {
            case 0 ->
                pick(random, HEX, 8) + "-" + pick(random, HEX, 4) + "-4" + pick(random, HEX, 3) + "-a"
                        + pick(random, HEX, 3) + "-" + pick(random, HEX, 12);
            case 1 -> pick(random, HEX, 64);
            case 2 -> "kat_live_" + pick(random, ALNUM, 12) + "." + pick(random, ALNUM, 32);
            case 3 -> "Pw" + random.nextInt(10) + pick(random, SYMBOLS, 6 + random.nextInt(20));
            default -> "Ké€y" + pick(random, ALNUM, 6) + "🙂" + pick(random, SYMBOLS, 4);
        };
    }

    private static boolean isUuid(String value) {
        return value.length() == 36 && value.charAt(8) == '-';
    }

    /** Lines of ordinary text that start and end a line, with a marker no token holds. */
    private static byte[] gap(Random random, int number, boolean large) {
        StringBuilder text = new StringBuilder("\n#gap-").append(number).append("#");
        int lines = large ? 20_000 + random.nextInt(40_000) : random.nextInt(6);
        for (int i = 0; i < lines; i++) {
            text.append(random.nextInt(4) == 0 ? "\r\n" : "\n");
            int kind = random.nextInt(10);
            if (kind == 0) {
                text.append(note(random));
            } else if (kind == 1) {
                text.append(pick(random, ALNUM, random.nextInt(200)));
            }
            text.append(LINES.get(random.nextInt(LINES.size())));
        }
        text.append(random.nextBoolean() ? "\n" : random.nextBoolean() ? "\ntoken=" : "\n" + note(random) + "x ");
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String note(Random random) {
        return "\u001b[8mha:" + Base64.getEncoder().encodeToString(bytes(random, 12 + random.nextInt(60)))
                + "\u001b[0m";
    }

    private static Token token(Random random, int key, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        FormEncoder encoder = ENCODERS.get(random.nextInt(ENCODERS.size()));
        List<byte[]> forms =
                encoder.encode(bytes).stream().filter(form -> form.length >= 8).toList();
        String how = encoder.name();
        byte[] form = forms.isEmpty() ? bytes : forms.get(random.nextInt(forms.size()));
        if (forms.isEmpty()) {
            how = "plain";
        }
        int inside = random.nextInt(4);
        if (inside > 0) {
            // a console note or a colour sequence inside the printed key, which matching skips
            String segment = inside == 1 ? note(random) : "\u001b[" + (30 + random.nextInt(8)) + "m";
            int at = 1 + random.nextInt(form.length - 1);
            ByteArrayOutputStream split = new ByteArrayOutputStream();
            split.write(form, 0, at);
            split.writeBytes(segment.getBytes(StandardCharsets.US_ASCII));
            split.write(form, at, form.length - at);
            form = split.toByteArray();
            how += inside == 1 ? " split by a note" : " split by colour";
        }
        return new Token(key, form, how);
    }

    @Test
    void findsEveryKeyWhereItIsAndRedactionKeepsEveryOtherByte() {
        forAll(250, scenarios(), scenario -> {
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            long[] starts = new long[scenario.tokens().size()];
            long[] ends = new long[starts.length];
            for (int i = 0; i < scenario.gaps().size(); i++) {
                content.writeBytes(scenario.gaps().get(i));
                if (i < starts.length) {
                    starts[i] = content.size();
                    content.writeBytes(scenario.tokens().get(i).bytes());
                    ends[i] = content.size();
                }
            }
            byte[] original = content.toByteArray();
            Path file = dir.resolve(scenario.gzip() ? "case.log.gz" : "case.log");
            write(file, original, scenario.gzip());
            List<KnownKey> known = scenario.known();
            LeakScanner scanner = new LeakScanner(known, ServicePresets.all());

            FileReport report = scanner.scan(file, new KeyRegistry(null), read -> {});

            List<Leak> leaks = report.leaks();
            for (int i = 0; i < starts.length; i++) {
                String name =
                        scenario.keys().get(scenario.tokens().get(i).key()).name();
                long start = starts[i];
                long end = ends[i];
                assertThat(leaks)
                        .as("token %d, %s", i, scenario.tokens().get(i))
                        .anyMatch(leak -> leak.known()
                                && leak.rule().equals(name)
                                && leak.offset() >= start
                                && leak.end() <= end);
            }
            for (Leak leak : leaks) {
                assertThat(inSomeToken(leak, starts, ends))
                        .as("%s lies in a token", leak)
                        .isTrue();
                assertThat(leak.line()).isEqualTo(Scans.lineOf(original, leak.offset()));
                assertThat(leak.column()).isEqualTo(Scans.columnOf(original, leak.offset()));
                assertThat(leak.endLine()).isEqualTo(Scans.lineOf(original, leak.end() - 1));
                assertThat(leak.endColumn()).isEqualTo(Scans.columnOf(original, leak.end() - 1) + 1);
                if (original.length < FileScan.CAPACITY / 2) {
                    assertThat(leak.charColumn()).isEqualTo(charColumnOf(original, leak.offset()));
                    assertThat(leak.charEndColumn()).isEqualTo(charColumnOf(original, leak.end()));
                }
            }

            int cuts = Redactor.redact(report);

            byte[] redacted = read(file, scenario.gzip());
            assertThat(redacted).isEqualTo(redactedByHand(original, leaks));
            assertThat(cuts).isEqualTo(leaks.isEmpty() ? 0 : merged(leaks).size());
            assertThat(count(redacted, (byte) 0x1b))
                    .as("every console note and colour sequence is kept, those inside keys too")
                    .isEqualTo(count(original, (byte) 0x1b));
            int from = 0;
            for (byte[] gap : scenario.gaps()) {
                int at = indexOf(redacted, gap, from);
                assertThat(at).as("every gap is kept, in order").isGreaterThanOrEqualTo(from);
                from = at + gap.length;
            }
            assertThat(scanner.scan(file, new KeyRegistry(null), read -> {}).leaks())
                    .as("nothing left after redaction")
                    .isEmpty();
            Files.delete(file);
        });
    }

    /** The UTF-16 column of {@code offset}, by decoding its line up to there. */
    private static long charColumnOf(byte[] content, long offset) {
        int start = (int) offset;
        while (start > 0 && content[start - 1] != '\n') {
            start--;
        }
        return new String(content, start, (int) offset - start, StandardCharsets.UTF_8).length() + 1;
    }

    private static boolean inSomeToken(Leak leak, long[] starts, long[] ends) {
        for (int i = 0; i < starts.length; i++) {
            if (leak.offset() >= starts[i] && leak.end() <= ends[i]) {
                return true;
            }
        }
        return false;
    }

    /** The leaks' ranges, overlapping and touching ones joined, each with the kept ranges inside it. */
    private static List<long[]> merged(List<Leak> leaks) {
        List<Leak> sorted = new ArrayList<>(leaks);
        sorted.sort(Comparator.comparingLong(Leak::offset));
        List<long[]> ranges = new ArrayList<>();
        for (Leak leak : sorted) {
            long[] last = ranges.isEmpty() ? null : ranges.get(ranges.size() - 1);
            if (last != null && leak.offset() <= last[1]) {
                last[1] = Math.max(last[1], leak.end());
            } else {
                ranges.add(new long[] {leak.offset(), leak.end()});
            }
        }
        return ranges;
    }

    /** What redaction should write: each joined range as {@code ****} and the kept segments in it. */
    private static byte[] redactedByHand(byte[] original, List<Leak> leaks) {
        List<Occurrence.Range> kept = new ArrayList<>();
        leaks.forEach(leak -> kept.addAll(leak.kept()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        for (long[] range : merged(leaks)) {
            out.write(original, at, (int) range[0] - at);
            out.writeBytes("****".getBytes(StandardCharsets.US_ASCII));
            for (int i = (int) range[0]; i < range[1]; i++) {
                int position = i;
                if (kept.stream().anyMatch(r -> r.start() <= position && position < r.end())) {
                    out.write(original[i]);
                }
            }
            at = (int) range[1];
        }
        out.write(original, at, original.length - at);
        return out.toByteArray();
    }

    private static void write(Path file, byte[] content, boolean gzip) throws Exception {
        try (OutputStream out =
                gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            out.write(content);
        }
    }

    private static byte[] read(Path file, boolean gzip) throws Exception {
        try (InputStream in = gzip ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file)) {
            return in.readAllBytes();
        }
    }

    private static long count(byte[] bytes, byte b) {
        long n = 0;
        for (byte c : bytes) {
            n += c == b ? 1 : 0;
        }
        return n;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String pick(Random random, String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private static byte[] bytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
