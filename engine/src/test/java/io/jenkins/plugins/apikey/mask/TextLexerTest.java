package io.jenkins.plugins.apikey.mask;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TextLexerTest {

    /**
     * {@link TextLexer#nextControl} reads 32 bytes a step, then 16, and the last 16 again; it finds
     * what a loop over single bytes finds, at every start and end, with control bytes, spaces
     * (0x20, which a borrow from a control byte below could mark) and high bytes around.
     */
    @Test
    void nextControlFindsWhatAByteLoopFinds() {
        Random random = new Random(11);
        for (int run = 0; run < 200_000; run++) {
            byte[] bytes = new byte[random.nextInt(110)];
            for (int k = 0; k < bytes.length; k++) {
                int kind = random.nextInt(10);
                bytes[k] = (byte)
                        switch (kind) {
                            case 0 -> random.nextInt(0x20);
                            case 1 -> 0x20;
                            case 2 -> 0x80 + random.nextInt(0x80);
                            default -> 0x21 + random.nextInt(0x5F);
                        };
            }
            int end = random.nextInt(bytes.length + 1);
            int from = random.nextInt(end + 1);
            int expected = from;
            while (expected < end && (bytes[expected] & 0xFF) >= 0x20) {
                expected++;
            }
            assertThat(TextLexer.nextControl(bytes, from, end))
                    .as("run %d: from %d to %d", run, from, end)
                    .isEqualTo(expected);
        }
    }

    /** The lowest marked byte is found whatever is marked above it. */
    @Test
    void lowestMarkedIsTheIndexOfTheLowestHighBitOfAByte() {
        Random random = new Random(13);
        for (int lowest = 0; lowest < 8; lowest++) {
            for (int run = 0; run < 1000; run++) {
                long above = lowest == 7 ? 0 : random.nextLong() << (8 * (lowest + 1));
                long marks = (above | 1L << (8 * lowest)) << 7 & 0x8080808080808080L;
                assertThat(TextLexer.lowestMarked(marks)).isEqualTo(lowest);
            }
        }
    }
}
