package io.jenkins.plugins.apikey.scan;

import io.jenkins.plugins.apikey.preset.ServicePreset;
import java.util.List;
import java.util.function.Consumer;

/**
 * Looks for one {@link io.jenkins.plugins.apikey.preset.KeyShape shape} of a preset's keys in the
 * lines that hold one of its anchors. Rules keep no state: one serves every file.
 */
interface ShapeRule {

    /** The preset whose keys this rule finds. */
    ServicePreset preset();

    /** The words, in lower case, that announce a key on a line; a line without one is not shown. */
    List<String> anchors();

    /**
     * Looks at one line.
     *
     * @param hits where in {@code line.bytes} this rule's anchors start, in order, and which of
     *     {@link #anchors()} each is: {@code hits[2k]} the position, {@code hits[2k + 1]} the anchor
     * @param count how many numbers of {@code hits} are in use
     */
    void line(Line line, int[] hits, int count, Consumer<Candidate> found);
}
