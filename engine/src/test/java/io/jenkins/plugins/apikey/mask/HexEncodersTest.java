package io.jenkins.plugins.apikey.mask;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class HexEncodersTest {

    @Test
    void hexInBothCasesAsXxdPrintsIt() {
        assertThat(Encoded.of(new HexEncoder(), "k\u00e9")).containsExactly("6bc3a9", "6BC3A9");
    }

    @Test
    void base64OfBase64CoversADockerConfigInsideAKubernetesSecret() {
        String key = "dckr_pat_Xq3Zr9Lk2Jm8Hn4Bv6Cx1Wt5Sd7Fg0";
        String auth = Base64.getEncoder().encodeToString(("robot:" + key).getBytes(StandardCharsets.UTF_8));
        String config = "{\"auths\":{\"registry.example.com\":{\"auth\":\"" + auth + "\"}}}";
        String secret = Base64.getEncoder().encodeToString(config.getBytes(StandardCharsets.UTF_8));

        assertThat(Encoded.of(new NestedBase64Encoder(), key))
                .anySatisfy(form -> assertThat(secret).contains(form));
    }
}
