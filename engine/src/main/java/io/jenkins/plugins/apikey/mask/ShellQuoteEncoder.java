package io.jenkins.plugins.apikey.mask;

import java.util.List;

/**
 * How shells print a single-quoted word under {@code set -x}: bash closes the quote and writes
 * {@code '\''} for an embedded quote, ash and dash write {@code '"'"'}.
 */
final class ShellQuoteEncoder implements FormEncoder {

    @Override
    public String name() {
        return "shell-quote";
    }

    @Override
    public List<String> encode(String value) {
        return List.of(value.replace("'", "'\\''"), value.replace("'", "'\"'\"'"));
    }
}
