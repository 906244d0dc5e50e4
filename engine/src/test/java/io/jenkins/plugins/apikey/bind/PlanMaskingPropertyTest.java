package io.jenkins.plugins.apikey.bind;

import static io.jenkins.plugins.apikey.testing.PropertyCheck.forAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.apikey.mask.SecretMatcher;
import io.jenkins.plugins.apikey.preset.KeyMaterial;
import io.jenkins.plugins.apikey.preset.ServicePresets;
import io.jenkins.plugins.apikey.testing.Gen;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whatever a plan binds or writes, the matcher built from its mask values hides the key in it. */
class PlanMaskingPropertyTest {

    private static final Gen<String> HEX = Gen.oneOf(List.of("0123456789abcdef".split("")));
    private static final Gen<String> ALNUM =
            Gen.oneOf(List.of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".split("")));

    private static final Gen<BindingRequest> REQUESTS = random -> {
        BindingOptions.KeyFile keyFile = random.nextBoolean() ? new BindingOptions.KeyFile(null) : null;
        String uuid = HEX.joined(8, 8).next(random) + "-" + HEX.joined(4, 4).next(random) + "-"
                + HEX.joined(4, 4).next(random) + "-" + HEX.joined(4, 4).next(random) + "-"
                + HEX.joined(12, 12).next(random);
        return switch (random.nextInt(4)) {
            case 0 ->
                BindingRequest.of(
                        "k",
                        ServicePresets.KATALON,
                        KeyMaterial.of(uuid),
                        new BindingOptions(
                                null,
                                null,
                                null,
                                keyFile,
                                new BindingOptions.AgentConfig(null, null, "7", "runner", null),
                                null));
            case 1 ->
                BindingRequest.of(
                        "o",
                        ServicePresets.KATALON_ON_PREMISE,
                        new KeyMaterial(uuid, null, "https://testops.example.com"),
                        new BindingOptions(null, null, null, keyFile, null, null));
            case 2 ->
                BindingRequest.of(
                        "x",
                        ServicePresets.XRAY_CLOUD,
                        new KeyMaterial(
                                HEX.joined(64, 64).next(random),
                                HEX.joined(32, 32).next(random),
                                null),
                        new BindingOptions(null, null, null, keyFile, null, null));
            default ->
                BindingRequest.of(
                        "a",
                        ServicePresets.KATALO,
                        KeyMaterial.of("kat_live_" + ALNUM.joined(6, 12).next(random) + "."
                                + ALNUM.joined(16, 40).next(random)),
                        new BindingOptions(null, null, null, keyFile, null, null));
        };
    };

    @Test
    void everySensitiveValueAndFileIsMaskedByThePlansOwnMaskValues() {
        forAll(500, REQUESTS, request -> {
            BindingPlan plan = BindingPlanner.plan(List.of(request));
            SecretMatcher matcher = SecretMatcher.compile(plan.maskValues());
            String key = request.material().key();
            String secretPart = key.substring(key.indexOf('.') + 1);

            for (BindingPlan.Variable variable : plan.variables()) {
                if (variable.sensitive()) {
                    assertThat(matcher.mask("echo " + variable.value() + "\n")).doesNotContain(key, secretPart);
                }
            }
            for (BindingPlan.PlannedFile file : plan.files()) {
                String content = new String(file.content(), StandardCharsets.UTF_8);
                assertThat(matcher.mask("$ cat file\n" + content)).doesNotContain(key, secretPart);
            }
            String header = Base64.getEncoder().encodeToString((":" + key).getBytes(StandardCharsets.UTF_8));
            assertThat(matcher.mask("Authorization: Basic " + header + "\n")).doesNotContain(header);
        });
    }
}
