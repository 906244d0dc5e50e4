package io.jenkins.plugins.apikey.scan;

import io.jenkins.plugins.apikey.preset.KeyShape;
import io.jenkins.plugins.apikey.preset.ServicePreset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The shapes of the presets' keys, compiled once: a rule per shape, and the words to search for
 * so that every rule's anchors are found. An anchor that contains a shorter anchor is found through
 * it, so fewer words are searched. Immutable and thread-safe.
 */
final class ShapeRules {

    /**
     * Where an anchor is when a search word is found: {@code rule}'s anchor number {@code anchor}
     * starts {@code offset} bytes before the word.
     */
    record Anchor(int rule, int anchor, int offset, byte[] bytes) {}

    private final List<ShapeRule> rules = new ArrayList<>();
    private final List<String> words = new ArrayList<>();
    private final List<List<Anchor>> anchorsOfWord = new ArrayList<>();
    private final WordSearch search;

    ShapeRules(List<ServicePreset> presets) {
        for (ServicePreset preset : presets) {
            for (KeyShape shape : preset.keyShapes()) {
                rules.add(rule(preset, shape));
            }
        }
        List<Anchor> all = new ArrayList<>();
        for (int r = 0; r < rules.size(); r++) {
            List<String> anchors = rules.get(r).anchors();
            for (int a = 0; a < anchors.size(); a++) {
                all.add(new Anchor(r, a, 0, anchors.get(a).getBytes(StandardCharsets.UTF_8)));
            }
        }
        all.sort(Comparator.comparingInt(anchor -> anchor.bytes().length));
        for (Anchor anchor : all) {
            String text = new String(anchor.bytes(), StandardCharsets.ISO_8859_1);
            int word = 0;
            while (word < words.size() && !text.contains(words.get(word))) {
                word++;
            }
            if (word == words.size()) {
                words.add(text);
                anchorsOfWord.add(new ArrayList<>());
            }
            int offset = text.indexOf(words.get(word));
            anchorsOfWord.get(word).add(new Anchor(anchor.rule(), anchor.anchor(), offset, anchor.bytes()));
        }
        search = new WordSearch(words);
    }

    private static ShapeRule rule(ServicePreset preset, KeyShape shape) {
        if (shape instanceof KeyShape.Setting setting) {
            return new SettingRule(preset, setting);
        }
        if (shape instanceof KeyShape.BasicPassword basic) {
            return new BasicPasswordRule(preset, basic);
        }
        if (shape instanceof KeyShape.Prefixed prefixed) {
            return new PrefixedRule(preset, prefixed);
        }
        return new ClientSecretRule(preset, (KeyShape.ClientSecret) shape);
    }

    List<ShapeRule> rules() {
        return rules;
    }

    /** The words to search for, in lower case. */
    List<String> words() {
        return words;
    }

    /** The search for all {@link #words()} at once. */
    WordSearch search() {
        return search;
    }

    /** The anchors that {@code word} finds. */
    List<Anchor> anchorsOf(int word) {
        return anchorsOfWord.get(word);
    }

    /** A scanner of lines for one file, reporting what the rules find to {@code found}. */
    LineScanner newFileScanner(Consumer<Candidate> found) {
        return new LineScanner(this, found);
    }
}
