package io.jenkins.plugins.apikey.preset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyChecksTest {

    private static List<String> codes(String value) {
        return KeyChecks.check(value, "API key").stream().map(Finding::code).toList();
    }

    @Test
    void aRealisticKeyPasses() {
        assertThat(KeyChecks.check("sk-9f86d081884c7d659a2feaa0c55ad015", "API key"))
                .isEmpty();
    }

    @Test
    void blankKeys() {
        assertThat(codes(null)).containsExactly("key.blank");
        assertThat(codes("   \t")).containsExactly("key.blank");
        assertThat(KeyChecks.check("", "API key"))
                .containsExactly(Finding.error(
                        "key.blank", "The API key is empty. Paste the value from the service's" + " console."));
    }

    @Test
    void surroundingWhitespace() {
        assertThat(KeyChecks.check(" 9f86d081884c7d659a2f\n", "API key"))
                .containsExactly(Finding.error(
                        "key.padded",
                        "The API key starts or ends with spaces or line breaks."
                                + " Remove them; they are not part of the key and the service would reject it."));
    }

    @Test
    void controlCharactersAndLineBreaksInside() {
        assertThat(codes("9f86d081\n884c7d659a2f")).containsExactly("key.control");
        assertThat(codes("9f86d081\u0000884c7d659a2f")).containsExactly("key.control");
        assertThat(codes("9f86d081\u2028884c7d659a2f")).containsExactly("key.control");
        assertThat(KeyChecks.check("ab\tcdefgh", "API key").get(0).message())
                .isEqualTo("The API key contains line breaks or other control characters. Copy the key again as a"
                        + " single line.");
    }

    @Test
    void tooLong() {
        assertThat(KeyChecks.check("a".repeat(4097), "API key"))
                .containsExactly(Finding.error(
                        "key.long",
                        "The API key is 4097 characters long, more than the limit"
                                + " of 4096. Check that you pasted only the key."));
        assertThat(codes("a1".repeat(2048))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<your api key>",
                "<API_KEY>",
                "changeme",
                "CHANGE_ME",
                "xxxx",
                "XXXX-XXXX-XXXX",
                "xxxxxxxxxxxxxxxx",
                "${KATALON_API_KEY}",
                "${env.KEY}",
                "$KEY",
                "$katalon_api_key",
                "%API_KEY%",
                "your-api-key-here",
                "YOUR_API_KEY",
                "secret",
                "***",
                "...",
                "null",
                "placeholder"
            })
    void placeholders(String value) {
        assertThat(codes(value)).contains("key.placeholder");
        assertThat(KeyChecks.check(value, "API key"))
                .filteredOn(f -> f.code().equals("key.placeholder"))
                .extracting(Finding::message)
                .containsExactly("The API key looks like a placeholder or an unexpanded variable, not a real key."
                        + " Paste the actual value.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"xa1b2c3d4e5f6", "0123456789abcdef", "my$ecretValue1", "change-me-not-a1b2c3", "exxxx"})
    void keysThatMerelyContainPlaceholderLikeTextPass(String value) {
        assertThat(codes(value)).isEmpty();
    }

    @Test
    void shorterThanTheMaskingMinimum() {
        assertThat(KeyChecks.check("a1b", "API key"))
                .containsExactly(Finding.error(
                        "key.unmaskable",
                        "The API key is only 3 characters long; values"
                                + " shorter than 4 cannot be masked safely in build logs. Use the full key."));
    }

    @Test
    void hexDigitsAreAsciiOnly() {
        assertThat(KeyChecks.isHex("0123456789abcdefABCDEF0123456789", 32)).isTrue();
        assertThat(KeyChecks.isHex("0123456789abcdefABCDEF012345678g", 32)).isFalse();
        assertThat(KeyChecks.isHex("٠١٢٣", 4)).isFalse();
        assertThat(KeyChecks.isHex("abc", 4)).isFalse();
    }
}
