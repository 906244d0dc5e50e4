package io.jenkins.plugins.apikey.preset;

import static io.jenkins.plugins.apikey.testing.PropertyCheck.forAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.apikey.testing.Gen;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No finding of any preset, for any key, ever contains the key. */
class FindingMessagesPropertyTest {

    private static final Gen<String> ALNUM =
            Gen.oneOf(List.of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".split("")));
    private static final Gen<String> HEX = Gen.oneOf(List.of("0123456789abcdef".split("")));
    private static final Gen<String> ODD =
            Gen.oneOf(" ", "\t", "\n", "\u0000", "$", "{", "}", "<", ">", "%", ".", "_", "-");

    /** Key-like values: well-formed keys of every service, near misses, and noise around them. */
    private static final Gen<String> KEYS = random -> {
        String core =
                switch (random.nextInt(6)) {
                    case 0 ->
                        HEX.joined(8, 8).next(random) + "-" + HEX.joined(4, 4).next(random) + "-"
                                + HEX.joined(4, 4).next(random) + "-"
                                + HEX.joined(4, 4).next(random) + "-"
                                + HEX.joined(12, 12).next(random);
                    case 1 -> HEX.joined(30, 66).next(random);
                    // random material always follows the prefix: the prefix alone is documentation
                    case 2 ->
                        "kat_live_" + ALNUM.joined(0, 12).next(random) + (random.nextBoolean() ? "." : "")
                                + ALNUM.joined(4, 40).next(random);
                    case 3 ->
                        Gen.weighted(6, ALNUM, 1, ODD, 1, HEX).joined(8, 60).next(random);
                    case 4 -> "${" + ALNUM.joined(8, 20).next(random) + "}";
                    default -> Gen.unicode(8, 30).next(random);
                };
        return switch (random.nextInt(4)) {
            case 0 -> " " + core;
            case 1 -> core + "\n";
            case 2 -> core.repeat(1 + 4096 / Math.max(1, core.length()));
            default -> core;
        };
    };

    @Test
    void noFindingEverContainsTheKey() {
        forAll(3000, KEYS, key -> {
            for (ServicePreset preset : ServicePresets.all()) {
                List<Finding> findings = new ArrayList<>(preset.checkKey(key));
                findings.addAll(preset.checkClientId(key));
                findings.addAll(preset.checkServerUrl(key));
                for (Finding finding : findings) {
                    assertThat(finding.message()).doesNotContain(key.strip());
                    assertThat(finding.toString()).doesNotContain(key.strip());
                }
            }
        });
    }
}
