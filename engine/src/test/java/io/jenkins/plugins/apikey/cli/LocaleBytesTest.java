package io.jenkins.plugins.apikey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * A non-ASCII key under the C locale ({@code LANG} unset, {@code LC_ALL=C}), where Java decodes the
 * environment and encodes a child's as ASCII: {@code run} and {@code mask} still read, inject and
 * mask its exact bytes.
 */
@DisabledOnOs(OS.WINDOWS)
class LocaleBytesTest {

    /** "schöner-schlüssel-€42" in UTF-8: two- and three-byte characters. */
    private static final String KEY = "sch\u00f6ner-schl\u00fcssel-\u20ac42";

    private static Map<String, String> cLocale() {
        Map<String, String> env = new HashMap<>();
        env.put("LANG", null);
        env.put("LC_CTYPE", null);
        env.put("LC_ALL", "C");
        env.put("NON_ASCII_KEY", KEY);
        return env;
    }

    @Test
    void runInjectsTheExactBytesUnderAnotherNameAndMasksThem() throws Exception {
        // the bytes one by one, with spaces: the key's plain hex digits are one of its masked forms
        String hex = HexFormat.of().withPrefix(" ").formatHex(KEY.getBytes(StandardCharsets.UTF_8));
        String script = "printf %s \"$OTHER_NAME\" | od -An -tx1 | tr -d '\\n'; echo;"
                + " printf 'key %s\\n' \"$OTHER_NAME\"; printf 'file %s\\n' \"$(cat \"$OTHER_NAME_FILE\")\";"
                + " printf 'unchanged %s\\n' \"$NON_ASCII_KEY\"";
        try (RunProcess run = RunProcess.start(
                cLocale(),
                List.of(
                        "run",
                        "--key",
                        "k=env:NON_ASCII_KEY",
                        "--variable",
                        "k=OTHER_NAME",
                        "--key-file",
                        "k=OTHER_NAME_FILE",
                        "--",
                        "sh",
                        "-c",
                        script))) {
            assertThat(run.waitFor()).as(run.stderr()).isZero();
            assertThat(run.stdout().lines().toList()).containsExactly(hex, "key ****", "file ****", "unchanged ****");
        }
    }

    @Test
    void runPassesTheExactBytesInTheCommandsArgumentsAndMasksThem() throws Exception {
        String hex = HexFormat.of().withPrefix(" ").formatHex(KEY.getBytes(StandardCharsets.UTF_8));
        String script = "printf %s \"$2\" | od -An -tx1 | tr -d '\\n'; echo; printf '%s|' \"$@\"; echo";
        try (RunProcess run = RunProcess.start(
                cLocale(),
                List.of(
                        "run",
                        "--key",
                        "k=env:NON_ASCII_KEY",
                        "--",
                        "sh",
                        "-c",
                        script,
                        "sh",
                        "--token={k}",
                        "{k}",
                        "",
                        "plain",
                        "-apiKey={k}"))) {
            assertThat(run.waitFor()).as(run.stderr()).isZero();
            assertThat(run.stdout().lines().toList()).containsExactly(hex, "--token=****|****||plain|-apiKey=****|");
        }
    }

    @Test
    void maskMasksTheExactBytes() throws Exception {
        try (RunProcess mask =
                RunProcess.start(cLocale(), List.of("mask", "--secret-env", "NON_ASCII_KEY", "--stats"))) {
            mask.input("before " + KEY + " after\n");

            assertThat(mask.waitFor()).isZero();
            assertThat(mask.stdout()).isEqualTo("before **** after\n");
            assertThat(mask.stderr()).isEqualTo("mask: masked 1 occurrence\n");
        }
    }
}
