package io.jenkins.plugins.apikey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Reading {@code /proc/self/environ}: names, values as bytes, and the entries that are no variable. */
class EnvironmentTest {

    @Test
    void splitsEachEntryAtItsFirstEqualsSignAndKeepsTheValueBytes() {
        Map<String, byte[]> values = Environment.parse(environ(
                "A=1".getBytes(StandardCharsets.US_ASCII),
                "TOKEN=abc=def==".getBytes(StandardCharsets.US_ASCII),
                "EMPTY=".getBytes(StandardCharsets.US_ASCII),
                new byte[] {'R', 'A', 'W', '=', (byte) 0xFF, (byte) 0xC3, 'x'}));

        assertThat(values).containsOnlyKeys("A", "TOKEN", "EMPTY", "RAW");
        assertThat(values.get("TOKEN")).asString(StandardCharsets.US_ASCII).isEqualTo("abc=def==");
        assertThat(values.get("EMPTY")).isEmpty();
        assertThat(values.get("RAW")).containsExactly((byte) 0xFF, (byte) 0xC3, 'x');
    }

    @Test
    void skipsEntriesWithoutNameOrEqualsSignAndKeepsTheFirstOfANameTwice() {
        Map<String, byte[]> values = Environment.parse(environ(
                "=C:=C:\\dir".getBytes(StandardCharsets.US_ASCII),
                "NO_EQUALS".getBytes(StandardCharsets.US_ASCII),
                new byte[0],
                "K=first".getBytes(StandardCharsets.US_ASCII),
                "K=second".getBytes(StandardCharsets.US_ASCII)));

        assertThat(values).containsOnlyKeys("K");
        assertThat(values.get("K")).asString(StandardCharsets.US_ASCII).isEqualTo("first");
    }

    @Test
    void readsTheLastEntryWithoutItsZeroByte() {
        byte[] environ = "A=1\0B=two".getBytes(StandardCharsets.US_ASCII);

        assertThat(Environment.parse(environ).get("B"))
                .asString(StandardCharsets.US_ASCII)
                .isEqualTo("two");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void theProcessEnvironmentHasWhatTheJvmSees() {
        Environment env = Environment.current();

        assertThat(env.inherited()).isTrue();
        assertThat(env.setting("PATH", null)).isEqualTo(System.getenv("PATH"));
    }

    private static byte[] environ(byte[]... entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] entry : entries) {
            out.writeBytes(entry);
            out.write(0);
        }
        return out.toByteArray();
    }
}
