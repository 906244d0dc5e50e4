package io.jenkins.plugins.apikey.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.jenkins.plugins.apikey.testing.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The masking vectors of the GitHub Actions runner, GitLab Runner, credentials-binding and the
 * Buildkite agent, from {@code ../shared/data/peer-masking-cases.json} beside the project: every
 * one that applies must hold, with and without console notes kept.
 *
 * <p>Peers replace with different strings, so results are compared by meaning. With an expected
 * output, the text the peer kept must survive whole and in order (a piece next to a replacement
 * may lose up to {@code edge_slack} characters at that side), and between those pieces no more
 * than {@code edge_slack} characters per replaced range may survive, not counting masks, the
 * case's {@code public} strings, white space and colour sequences. A kept piece between two
 * replacements that is a colour sequence inside a secret, with what the peer left of the secret
 * around it (it masks the parts of a coloured secret on their own), may be masked too. Otherwise the case lists what the output must and must not contain.
 * Secrets shorter than 4 bytes are masked with a minimum length of 1, as the data asks.
 */
class PeerVectorsTest {

    private static final String DATA = "shared/data/peer-masking-cases.json";
    private static final Pattern COLOUR = Pattern.compile("\u001B\\[[0-9;:]*m");
    private static final String MASK = MaskingOutputStream.MASK;

    @Test
    void everyApplicablePeerVectorHolds() throws IOException {
        List<?> cases = (List<?>) Json.parse(Files.readString(vectors(), StandardCharsets.UTF_8));
        int applicable = 0;
        List<String> failures = new ArrayList<>();
        for (Object entry : cases) {
            Map<?, ?> vector = (Map<?, ?>) entry;
            if (vector.containsKey("na")) {
                continue;
            }
            applicable++;
            for (boolean notes : new boolean[] {false, true}) {
                String problem = check(vector, notes);
                if (problem != null) {
                    failures.add(vector.get("test") + (notes ? " (console notes kept)" : "") + ": " + problem);
                }
            }
        }
        System.out.println("peer vectors: " + cases.size() + " in all, " + applicable + " apply, "
                + (cases.size() - applicable) + " do not; failures: " + failures.size());
        assertThat(applicable).isEqualTo(197);
        assertThat(failures).isEmpty();
    }

    /** The data file, found from the project root (the directory holding {@code engine/pom.xml}). */
    private static Path vectors() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("engine/pom.xml")) && dir.getParent() != null) {
                Path data = dir.getParent().resolve(DATA);
                if (!Files.isRegularFile(data)) {
                    fail("The peer masking vectors are missing: expected " + data
                            + " (CI checks out ../shared beside the project). Put the shared data there.");
                }
                return data;
            }
        }
        return fail("Cannot find the project root (a directory with engine/pom.xml) above "
                + Path.of("").toAbsolutePath());
    }

    /** What is wrong with the output for {@code vector}, or null when it holds. */
    private static String check(Map<?, ?> vector, boolean notes) throws IOException {
        List<String> secrets = strings(vector.get("secrets"));
        boolean short_ = secrets.stream().anyMatch(s -> s.getBytes(StandardCharsets.UTF_8).length < 4);
        int minLength =
                short_ || Boolean.TRUE.equals(vector.get("min_length_1")) ? 1 : SecretMatcher.DEFAULT_MIN_LENGTH;
        String output = mask(SecretMatcher.compile(secrets, minLength), strings(vector.get("parts")), notes);
        if (vector.containsKey("expected")) {
            int slack = vector.containsKey("edge_slack") ? ((Number) vector.get("edge_slack")).intValue() : 0;
            return compare(
                    output,
                    (String) vector.get("expected"),
                    (String) vector.get("token"),
                    slack,
                    strings(vector.get("public")),
                    secrets);
        }
        for (String wanted : strings(vector.get("contains"))) {
            if (!output.contains(wanted)) {
                return "a required string is missing";
            }
        }
        for (String unwanted : strings(vector.get("not_contains"))) {
            if (output.contains(unwanted)) {
                return "a forbidden string survives";
            }
        }
        int at = 0;
        for (String next : strings(vector.get("order"))) {
            at = output.indexOf(next, at);
            if (at < 0) {
                return "the ordered strings are not in order";
            }
            at += next.length();
        }
        return null;
    }

    private static String compare(
            String output, String expected, String token, int slack, List<String> publicText, List<String> secrets) {
        String[] kept = expected.split(Pattern.quote(token), -1);
        int at = 0;
        int gapStart = 0;
        int regions = 0;
        int optional = 0;
        for (int i = 0; i < kept.length; i++) {
            String piece = kept[i];
            boolean between = i > 0 && i < kept.length - 1;
            String uncoloured = COLOUR.matcher(piece).replaceAll("");
            if (between && !uncoloured.equals(piece) && secrets.stream().anyMatch(s -> s.contains(uncoloured))) {
                regions++;
                optional += piece.length();
                continue;
            }
            if (i > 0) {
                regions++;
            }
            if (piece.isEmpty()) {
                continue;
            }
            int found = -1;
            String anchor = piece;
            for (int trim = 0; trim <= 2 * slack && found < 0; trim++) {
                for (int left = Math.max(0, trim - slack); left <= Math.min(trim, slack) && found < 0; left++) {
                    int right = trim - left;
                    if ((left > 0 && i == 0) || (right > 0 && i == kept.length - 1) || left + right >= piece.length()) {
                        continue;
                    }
                    anchor = piece.substring(left, piece.length() - right);
                    found = output.indexOf(anchor, at);
                }
            }
            if (found < 0) {
                return "kept piece " + i + " of " + kept.length + " does not survive in order";
            }
            String problem = leftover(output.substring(gapStart, found), regions, slack, optional, publicText);
            if (problem != null) {
                return "before kept piece " + i + ": " + problem;
            }
            regions = 0;
            optional = 0;
            at = found + anchor.length();
            gapStart = at;
        }
        return leftover(output.substring(gapStart), regions, slack, optional, publicText);
    }

    /** Whether no more of the replaced text survives in {@code gap} than the slack allows. */
    private static String leftover(String gap, int regions, int slack, int optional, List<String> publicText) {
        String rest = gap.replace(MASK, "");
        for (String text : publicText) {
            rest = rest.replace(text, "");
        }
        rest = COLOUR.matcher(rest).replaceAll("").replaceAll("\\s", "");
        int allowed = regions * 2 * slack + optional;
        return rest.length() <= allowed
                ? null
                : (rest.length() + " characters of replaced text survive, " + allowed + " may");
    }

    private static String mask(SecretMatcher matcher, List<String> parts, boolean notes) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = matcher.newStream(sink, notes)) {
            for (String part : parts) {
                out.write(part.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        }
        return sink.toString(StandardCharsets.UTF_8);
    }

    private static List<String> strings(Object list) {
        List<String> strings = new ArrayList<>();
        if (list != null) {
            for (Object item : (List<?>) list) {
                strings.add((String) item);
            }
        }
        return strings;
    }
}
