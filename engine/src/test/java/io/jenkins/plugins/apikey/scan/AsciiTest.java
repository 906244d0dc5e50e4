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
    void marksEveryLineFeedAndEveryPivotInEitherCase() {
        Gen<Cut> cuts = random -> {
            String text = Gen.oneOf("\n", "a", "i", "I", "_", "é", "\r", "\u0000", "\u00ff", "\u0089")
                    .joined(0, 40)
                    .next(random);
            int length = text.getBytes(StandardCharsets.UTF_8).length;
            int from = random.nextInt(length + 1);
            return new Cut(text, from, from + random.nextInt(length - from + 1));
        };
        forAll(2000, cuts, cut -> {
            byte[] bytes = cut.text().getBytes(StandardCharsets.UTF_8);
            for (int pivot : new int[] {'i', '_', -1}) {
                Marks lineFeeds = new Marks();
                Marks pivots = new Marks();
                Ascii.mark(bytes, cut.from(), cut.to(), pivot, lineFeeds, pivots);
                List<Integer> expectedFeeds = new ArrayList<>();
                List<Integer> expectedPivots = new ArrayList<>();
                for (int i = cut.from(); i < cut.to(); i++) {
                    if (bytes[i] == '\n') {
                        expectedFeeds.add(i);
                    }
                    if (pivot >= 0 && (bytes[i] == pivot || bytes[i] == Character.toUpperCase(pivot))) {
                        expectedPivots.add(i);
                    }
                }
                assertThat(list(lineFeeds)).isEqualTo(expectedFeeds);
                assertThat(list(pivots)).isEqualTo(expectedPivots);
            }
        });
    }

    private static List<Integer> list(Marks marks) {
        List<Integer> list = new ArrayList<>();
        for (int i = 0; i < marks.size(); i++) {
            list.add(marks.get(i));
        }
        return list;
    }
}
