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

        assertThat(Encoded.of(encoder, key))
                .anySatisfy(form -> assertThat(header).contains(form));
    }

    @Test
    void formsAreTrimmedToCharactersDeterminedBySecretBitsOnly() {
        List<String> forms = Encoded.of(encoder, "abcdef");

        // aligned: "YWJjZGVm" fully determined; offset 1 and 2 lose their edge characters
        assertThat(forms).contains("YWJjZGVm").allSatisfy(form -> assertThat(form.length())
                .isBetween(6, 8));
    }

    @Test
    void whenTheValueEndsTheDataItsLastCharacterIsAFormToo() {
        String header = Base64.getEncoder().encodeToString("abc:Password123!".getBytes(StandardCharsets.UTF_8));

        // "YWJjOlBhc3N3b3JkMTIzIQ==": the core ends before "Q", which only the value and zero fill decide
        assertThat(Encoded.of(encoder, "Password123!")).contains(header.substring(6, header.length() - 2));
    }

    @Test
    void urlSafeAlphabetIsIncludedWhenItDiffers() {
        List<String> forms = Encoded.of(encoder, "\u00ff\u00fe\u00fd\u00fc>>>???");

        assertThat(forms).anySatisfy(form -> assertThat(form).containsAnyOf("-", "_"));
        assertThat(forms).anySatisfy(form -> assertThat(form).containsAnyOf("+", "/"));
    }

    @Test
    void tooShortForAnyWholeCharacterGivesNothingAtThatAlignment() {
        assertThat(Encoded.of(encoder, "a")).allSatisfy(form -> assertThat(form).hasSizeLessThanOrEqualTo(2));
    }

    /** A secret inside other data, and how that data is Base64-encoded. */
    record Embedded(byte[] secret, byte[] before, byte[] after, boolean urlSafe, boolean padded) {}

    /** Two bytes is the shortest secret with a whole Base64 character at every alignment. */
    @Test
    void base64OfAnyDataContainingTheSecretContainsItsCoreAtItsAlignment() {
        Gen<byte[]> secrets = Gen.bytes(2, 40);
        Gen<byte[]> surroundings = Gen.bytes(0, 10);
        Gen<Embedded> cases = random -> new Embedded(
                secrets.next(random),
                surroundings.next(random),
                surroundings.next(random),
                random.nextBoolean(),
                random.nextBoolean());
        forAll(1000, cases, c -> {
            byte[] data = FormCheck.concat(c.before(), c.secret(), c.after());
            Base64.Encoder base64 = c.urlSafe() ? Base64.getUrlEncoder() : Base64.getEncoder();
            String encoded = (c.padded() ? base64 : base64.withoutPadding()).encodeToString(data);
            int first = (8 * c.before().length + 5) / 6;
            int end = 8 * (c.before().length + c.secret().length) / 6;

            assertThat(encoder.encode(c.secret()))
                    .extracting(form -> new String(form, StandardCharsets.US_ASCII))
                    .contains(encoded.substring(first, end));
        });
    }
}
