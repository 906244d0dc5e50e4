package io.jenkins.plugins.apikey.mask;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class Base64EncoderTest {

    private final Base64Encoder encoder = new Base64Encoder();

    @Test
    void basicAuthHeaderWithEmptyUserContainsAForm() {
        String key = "b2a1c3d4-0000-4e5f-8a9b-0123456789ab";
        String header = Base64.getEncoder().encodeToString((":" + key).getBytes(StandardCharsets.UTF_8));

        assertThat(encoder.encode(key)).anySatisfy(form -> assertThat(header).contains(form));
    }

    @Test
    void formsAreTrimmedToCharactersDeterminedBySecretBitsOnly() {
        List<String> forms = encoder.encode("abcdef");

        // aligned: "YWJjZGVm" fully determined; offset 1 and 2 lose their edge characters
        assertThat(forms).contains("YWJjZGVm").allSatisfy(form -> assertThat(form.length())
                .isBetween(6, 8));
    }

    @Test
    void urlSafeAlphabetIsIncludedWhenItDiffers() {
        List<String> forms = encoder.encode("\u00ff\u00fe\u00fd\u00fc>>>???");

        assertThat(forms).anySatisfy(form -> assertThat(form).containsAnyOf("-", "_"));
        assertThat(forms).anySatisfy(form -> assertThat(form).containsAnyOf("+", "/"));
    }

    @Test
    void tooShortForAnyWholeCharacterGivesNothingAtThatAlignment() {
        assertThat(encoder.encode("a")).allSatisfy(form -> assertThat(form).hasSizeLessThanOrEqualTo(1));
    }

    /** Two bytes is the shortest secret with a whole Base64 character at every alignment. */
    @Property
    void base64OfAnyDataContainingTheSecretContainsOneOfItsForms(
            @ForAll @Size(min = 2, max = 40) byte[] secret,
            @ForAll @Size(max = 10) byte[] before,
            @ForAll @Size(max = 10) byte[] after,
            @ForAll boolean urlSafe,
            @ForAll @IntRange(min = 0, max = 1) int padding) {
        String value = new String(secret, StandardCharsets.ISO_8859_1);
        byte[] secretBytes = value.getBytes(StandardCharsets.UTF_8);
        byte[] data = concat(before, secretBytes, after);
        Base64.Encoder base64 = urlSafe ? Base64.getUrlEncoder() : Base64.getEncoder();
        String encoded = (padding == 0 ? base64 : base64.withoutPadding()).encodeToString(data);

        assertThat(encoder.encode(value)).anySatisfy(form -> assertThat(encoded).contains(form));
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
