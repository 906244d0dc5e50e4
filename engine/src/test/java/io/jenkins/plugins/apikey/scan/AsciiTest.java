package io.jenkins.plugins.apikey.scan;

import static io.jenkins.plugins.apikey.testing.PropertyCheck.forAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.apikey.testing.Gen;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The byte helpers of the scan's one pass, against the JDK. */
class AsciiTest {

    record Cut(String text, int from, int to) {}

    @Test
    void countsUtf16UnitsAsTheJdkDecodesTextCutAnywhere() {
        Gen<Cut> cuts = random -> {
            String text = Gen.unicode(0, 40).next(random);
            int length = text.getBytes(StandardCharsets.UTF_8).length;
            int from = random.nextInt(length + 1);
            return new Cut(text, from, from + random.nextInt(length - from + 1));
        };
        forAll(5000, cuts, cut -> {
            byte[] bytes = cut.text().getBytes(StandardCharsets.UTF_8);
            int expected = new String(bytes, cut.from(), cut.to() - cut.from(), StandardCharsets.UTF_8).length();
            assertThat(Ascii.utf16Units(bytes, cut.from(), cut.to())).isEqualTo(expected);
        });
    }

    @Test
    void findsEveryLineFeed() {
        forAll(2000, Gen.oneOf("\n", "a", "é", "\r", "\u0000", "\u00ff").joined(0, 40), text -> {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            List<Integer> found = new ArrayList<>();
            Ascii.lineFeeds(bytes, 0, bytes.length, found::add);
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    expected.add(i);
                }
            }
            assertThat(found).isEqualTo(expected);
        });
    }
}
