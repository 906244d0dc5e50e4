package io.jenkins.plugins.apikey.scan;

import io.jenkins.plugins.apikey.preset.KeyShape;
import io.jenkins.plugins.apikey.preset.ServicePreset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;

/** Finds a key that starts with its own prefix, written in the prefix's case, as a whole word. */
final class PrefixedRule implements ShapeRule {

    private final ServicePreset preset;
    private final KeyShape.Prefixed shape;
    private final byte[] prefix;

    PrefixedRule(ServicePreset preset, KeyShape.Prefixed shape) {
        this.preset = preset;
        this.shape = shape;
        this.prefix = shape.prefix().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public ServicePreset preset() {
        return preset;
    }

    @Override
    public List<String> anchors() {
        return List.of(shape.prefix().toLowerCase(Locale.ROOT));
    }

    @Override
    public void line(Line line, int[] hits, int count, Consumer<Candidate> found) {
        byte[] b = line.bytes;
        for (int k = 0; k < count; k += 2) {
            int at = hits[k];
            if ((at > line.from && Ascii.isWord(b[at - 1]))
                    || !Arrays.equals(b, at, at + prefix.length, prefix, 0, prefix.length)) {
                continue;
            }
            Matcher rest = shape.rest().matcher(new ByteChars(b, 0, line.to)).region(at + prefix.length, line.to);
            if (rest.lookingAt() && (rest.end() == line.to || !Ascii.isWord(b[rest.end()]))) {
                found.accept(line.candidate(
                        at, rest.end(), this, "plain", new ByteChars(b, at, rest.end()).toString(), null));
            }
        }
    }
}
