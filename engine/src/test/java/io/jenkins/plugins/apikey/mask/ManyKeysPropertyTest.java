package io.jenkins.plugins.apikey.mask;

import static io.jenkins.plugins.apikey.mask.FormCheck.indexOf;
import static io.jenkins.plugins.apikey.testing.PropertyCheck.forAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.apikey.testing.Gen;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Thousands of keys: the search tables of a matcher grow with the forms (a bit set first, a
 * shift table whose neighbouring slots share an entry beyond 2^18 slots), and no size may lose an
 * occurrence. Forms of random keys are written among log lines in random chunks; none survives.
 */
class ManyKeysPropertyTest {

    /** One generated case; it holds secrets, so only its sizes are shown. */
    record Case(List<byte[]> keys, byte[] text, List<byte[]> printed, Chunking chunking) {
        @Override
        public String toString() {
            return "case with " + keys.size() + " keys and " + printed.size() + " forms in " + text.length + " bytes";
        }
    }

    @Test
    void noFormOfAnyKeySurvivesWhateverTheNumberOfKeys() {
        forAll(
                16,
                random -> {
                    int count = Gen.oneOf(5, 200, 1000, 2500).next(random);
                    List<byte[]> keys = new ArrayList<>();
                    for (int i = 0; i < count; i++) {
                        keys.add(
                                i % 3 == 0
                                        ? Keys.ascii(Keys.uuid(random))
                                        : Keys.any().next(random));
                    }
                    StringBuilder text = new StringBuilder();
                    List<byte[]> printed = new ArrayList<>();
                    for (int line = 0; line < 300; line++) {
                        text.append(Keys.filler(12).next(random));
                        if (random.nextInt(3) == 0) {
                            List<byte[]> forms =
                                    SecretForms.of(keys.get(random.nextInt(count)), SecretMatcher.DEFAULT_MIN_LENGTH);
                            byte[] form = forms.get(random.nextInt(forms.size()));
                            printed.add(form);
                            text.append(" key=")
                                    .append(new String(form, StandardCharsets.ISO_8859_1))
                                    .append(' ');
                        }
                        text.append('\n');
                    }
                    return new Case(
                            keys,
                            text.toString().getBytes(StandardCharsets.ISO_8859_1),
                            printed,
                            Chunking.upTo(70_000).next(random));
                },
                c -> {
                    byte[] masked = c.chunking().write(SecretMatcher.compileBytes(c.keys()), c.text(), false);
                    byte[] seen = new NaiveMasker(List.<byte[]>of(), 4, false)
                            .lex(masked)
                            .text();
                    for (byte[] form : c.printed()) {
                        assertThat(indexOf(seen, form))
                                .as("a form of one of the keys survives")
                                .isNegative();
                    }
                });
    }
}
