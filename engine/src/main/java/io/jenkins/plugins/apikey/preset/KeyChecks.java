package io.jenkins.plugins.apikey.preset;

import io.jenkins.plugins.apikey.EngineMessages;
import io.jenkins.plugins.apikey.mask.SecretMatcher;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The checks every single-line secret gets, whatever the service. */
final class KeyChecks {

    /** Longest key accepted; longer values are pasted documents, not keys. */
    static final int MAX_LENGTH = 4096;

    private static final Pattern PLACEHOLDER = Pattern.compile(
            "<[^<>]*>|\\$\\{[^}]*}|\\$[A-Za-z_][A-Za-z0-9_]*|%[A-Za-z_][A-Za-z0-9_]*%|[xX*.]{3,}|[xX]+[-xX]*"
                    + "|(?i:change[-_ ]?me|your[-_ ]?(api[-_ ]?)?key(?:[-_ ]?here)?|api[-_ ]?key|secret|password|todo"
                    + "|replace[-_ ]?me|dummy|placeholder|null|none|undefined)");

    private KeyChecks() {}

    /** Findings for {@code value}, named {@code what} in messages (such as "API key"). */
    static List<Finding> check(String value, String what) {
        List<Finding> findings = new ArrayList<>();
        if (value == null || value.isBlank()) {
            findings.add(Finding.error("key.blank", EngineMessages.keyBlank(what)));
            return findings;
        }
        String core = value.strip();
        if (core.length() != value.length()) {
            findings.add(Finding.error("key.padded", EngineMessages.keyPadded(what)));
        }
        if (core.chars().anyMatch(c -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029')) {
            findings.add(Finding.error("key.control", EngineMessages.keyControlCharacters(what)));
        }
        if (value.length() > MAX_LENGTH) {
            findings.add(Finding.error("key.long", EngineMessages.keyTooLong(what, value.length(), MAX_LENGTH)));
            return findings;
        }
        if (PLACEHOLDER.matcher(core).matches()) {
            findings.add(Finding.error("key.placeholder", EngineMessages.keyPlaceholder(what)));
        }
        int bytes = core.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < SecretMatcher.DEFAULT_MIN_LENGTH) {
            findings.add(Finding.error(
                    "key.unmaskable",
                    EngineMessages.keyTooShortToMask(what, core.length(), SecretMatcher.DEFAULT_MIN_LENGTH)));
        }
        return findings;
    }

    /** Whether {@code value} is made of {@code length} hexadecimal digits. */
    static boolean isHex(String value, int length) {
        return value.length() == length
                && value.chars()
                        .allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
    }

    /** Whether any finding refuses the value. */
    static boolean hasError(List<Finding> findings) {
        return findings.stream().anyMatch(Finding::isError);
    }
}
