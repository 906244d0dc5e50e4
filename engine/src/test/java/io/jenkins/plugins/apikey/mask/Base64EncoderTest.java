package io.jenkins.plugins.apikey.mask;

import static io.jenkins.plugins.apikey.testing.PropertyCheck.forAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.apikey.testing.Gen;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
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

    /** A secret inside other data, and how that data is Base64-encoded. */
    record Embedded(byte[] secret, byte[] before, byte[] after, boolean urlSafe, boolean padded) {}

    /** Two bytes is the shortest secret with a whole Base64 character at every alignment. */
    @Test
    void base64OfAnyDataContainingTheSecretContainsOneOfItsForms() {
        Gen<byte[]> secrets = Gen.bytes(2, 40);
        Gen<byte[]> surroundings = Gen.bytes(0, 10);
        Gen<Embedded> cases = random -> new Embedded(
                secrets.next(random),
                surroundings.next(random),
                surroundings.next(random),
                random.nextBoolean(),
                random.nextBoolean());
        forAll(1000, cases, c -> {
            String value = new String(c.secret(), StandardCharsets.ISO_8859_1);
            byte[] data = concat(c.before(), value.getBytes(StandardCharsets.UTF_8), c.after());
            Base64.Encoder base64 = c.urlSafe() ? Base64.getUrlEncoder() : Base64.getEncoder();
            String encoded = (c.padded() ? base64 : base64.withoutPadding()).encodeToString(data);

            assertThat(encoder.encode(value))
                    .anySatisfy(form -> assertThat(encoded).contains(form));
        });
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
