package io.jenkins.plugins.apikey.scan;

import io.jenkins.plugins.apikey.preset.KeyShape;
import io.jenkins.plugins.apikey.preset.ServicePreset;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;

/**
 * Finds a key as the value of a named setting or argument: the name (not part of a longer word on
 * its left), optional closing quotes, {@code =} or {@code :}, optional quotes, then the key.
 */
record SettingRule(ServicePreset preset, KeyShape.Setting shape) implements ShapeRule {

    @Override
    public List<String> anchors() {
        return shape.names().stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
    }

    @Override
    public void line(Line line, int[] hits, int count, Consumer<Candidate> found) {
        byte[] b = line.bytes;
        for (int k = 0; k < count; k += 2) {
            int at = hits[k];
            if (at > line.from && Ascii.isWord(b[at - 1])) {
                continue;
            }
            int p = at + shape.names().get(hits[k + 1]).length();
            p = Quotes.skipBlanks(b, Quotes.skip(b, p, line.to), line.to);
            if (p == line.to || (b[p] != '=' && b[p] != ':')) {
                continue;
            }
            p = Quotes.skip(b, Quotes.skipBlanks(b, p + 1, line.to), line.to);
            Matcher key = shape.key().matcher(new ByteChars(b, 0, line.to)).region(p, line.to);
            if (key.lookingAt() && (key.end() == line.to || !Ascii.isWord(b[key.end()]))) {
                found.accept(line.candidate(p, key.end(), this, "plain", key.group(), null));
            }
        }
    }
}
