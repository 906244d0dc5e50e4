package io.jenkins.plugins.apikey.scan;

import static io.jenkins.plugins.apikey.testing.PropertyCheck.forAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.apikey.testing.Gen;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one-pass search for the shapes' anchor words finds what a search per word, in any ASCII case,
 * finds: by a byte all words share (sets with an {@code i} or a {@code c} in every word) and by
 * skipping ahead (sets without).
 */
class WordSearchTest {

    private static final Gen<String> PIECES = Gen.oneOf(
            "apikey",
            "APIKey",
            "api",
            "key",
            "basic ",
            "Basic ",
            "basi",
            "client",
            "CLIENT",
            "cli",
            "kat_live_",
            "KAT_LIVE_",
            "kat_",
            "katalon_api_key",
            "KATALON_API_KEY",
            "katalon",
            "a",
            "k",
            " ",
            "\n",
            "_",
            "x",
            "é",
            "@",
            "[",
            "\u0000",
            "\u00ff");

    record Case(List<String> words, String text, int from, int to) {}

    @Test
    void findsEveryOccurrenceOfEveryWordAsASearchPerWordDoes() {
        Gen<List<String>> words = Gen.oneOf(
                        "apikey", "basic ", "client", "kat_live_", "katalon_api_key", "abcd", "key_")
                .list(1, 5)
                .map(list -> list.stream().distinct().toList());
        Gen<Case> cases = random -> {
            String text = PIECES.joined(0, 60).next(random);
            int length = text.getBytes(StandardCharsets.ISO_8859_1).length;
            int from = random.nextInt(length + 1);
            int to = from + random.nextInt(length - from + 1);
            return new Case(words.next(random), text, from, to);
        };
        forAll(2000, cases, c -> {
            byte[] text = c.text().getBytes(StandardCharsets.ISO_8859_1);
            List<String> found = new ArrayList<>();
            new WordSearch(c.words()).find(text, c.from(), c.to(), (at, word) -> found.add(at + ":" + word));
            assertThat(found).containsExactlyInAnyOrderElementsOf(naive(c.words(), c.text(), c.from(), c.to()));
        });
    }

    private static List<String> naive(List<String> words, String text, int from, int to) {
        List<String> found = new ArrayList<>();
        for (int p = from; p < to; p++) {
            for (int w = 0; w < words.size(); w++) {
                if (p + words.get(w).length() <= to
                        && text.regionMatches(
                                true, p, words.get(w), 0, words.get(w).length())) {
                    found.add(p + ":" + w);
                }
            }
        }
        return found;
    }
}
