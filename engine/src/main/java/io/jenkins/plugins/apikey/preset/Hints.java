package io.jenkins.plugins.apikey.preset;

/** Non-secret hints for keys. */
final class Hints {

    /** Keys shorter than this get no hint: four characters would be too much of them. */
    static final int MIN_LENGTH_FOR_HINT = 12;

    private Hints() {}

    /** {@code …} and the last four characters, or an empty string for short or missing keys. */
    static String lastFour(String key) {
        if (key == null) {
            return "";
        }
        String core = key.strip();
        if (core.codePointCount(0, core.length()) < MIN_LENGTH_FOR_HINT) {
            return "";
        }
        return "…" + core.substring(core.offsetByCodePoints(core.length(), -4));
    }
}
