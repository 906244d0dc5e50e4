package io.jenkins.plugins.apikey.mask;

import static io.jenkins.plugins.apikey.testing.PropertyCheck.forAll;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The occurrence stream finds exactly what the masker masks, checked against the brute-force
 * {@link NaiveMasker} over the masking properties' random secrets, texts and chunkings: every
 * occurrence of every form in what matching sees, at its offsets in the stream as written, with
 * the invisible segments inside it, named by a secret that has that form.
 */
class OccurrenceStreamPropertyTest {

    private static final Set<String> FORM_NAMES =
            SecretForms.ENCODERS.stream().map(FormEncoder::name).collect(Collectors.toCollection(LinkedHashSet::new));

    static {
        SecretForms.WHOLE_VALUE_ENCODERS.forEach(encoder -> FORM_NAMES.add(encoder.name()));
        FORM_NAMES.add("plain");
        FORM_NAMES.add("recased");
    }

    /** An expected occurrence: where it is in the stream, and the segments inside it. */
    record Place(long start, long end, List<Occurrence.Range> kept) {}

    @Test
    void findsEveryOccurrenceTheOracleFindsAtItsPlaceInTheStream() {
        forAll(1500, MaskingPropertiesTest.scenarios(true), scenario -> {
            for (boolean notes : new boolean[] {false, true}) {
                List<Occurrence> found = occurrences(scenario, notes);
                assertThat(places(found)).isEqualTo(expected(scenario.oracle(notes), scenario.bytes()));
                assertThat(found).isSortedAccordingTo(Comparator.comparingLong(Occurrence::start));
            }
        });
    }

    @Test
    void longTextsInLargeWritesAgree() {
        forAll(100, MaskingPropertiesTest.longScenarios(), scenario -> assertThat(places(occurrences(scenario, false)))
                .isEqualTo(expected(scenario.oracle(false), scenario.bytes())));
    }

    @Test
    void eachOccurrenceNamesASecretThatHasThatForm() {
        forAll(1000, MaskingPropertiesTest.scenarios(true), scenario -> {
            byte[] input = scenario.bytes();
            for (Occurrence occurrence : occurrences(scenario, true)) {
                byte[] seen = withoutKept(input, occurrence);
                List<String> forms = SecretForms.of(
                                scenario.secrets().get(occurrence.secret()).getBytes(StandardCharsets.UTF_8),
                                scenario.minLength())
                        .stream()
                        .map(form -> new String(form, StandardCharsets.ISO_8859_1))
                        .toList();
                assertThat(forms).contains(new String(seen, StandardCharsets.ISO_8859_1));
                assertThat(FORM_NAMES).contains(occurrence.form());
            }
        });
    }

    private static List<Occurrence> occurrences(MaskingPropertiesTest.Scenario scenario, boolean notes)
            throws IOException {
        List<Occurrence> found = new ArrayList<>();
        SecretLocator locator = SecretLocator.compile(
                scenario.secrets().stream()
                        .map(s -> s.getBytes(StandardCharsets.UTF_8))
                        .toList(),
                scenario.minLength());
        byte[] text = scenario.bytes();
        List<Integer> sizes = scenario.chunking().sizes();
        try (OccurrenceStream out = locator.newStream(found::add, notes)) {
            for (int at = 0, i = 0; at < text.length; i++) {
                int size = Math.min(sizes.get(i % sizes.size()), text.length - at);
                out.write(text, at, size);
                at += size;
                assertThat(found.isEmpty() || found.get(found.size() - 1).start() >= 0)
                        .isTrue();
            }
        }
        return found;
    }

    private static List<Place> places(List<Occurrence> occurrences) {
        return occurrences.stream()
                .map(o -> new Place(o.start(), o.end(), o.kept()))
                .sorted(Comparator.comparingLong(Place::start).thenComparingLong(Place::end))
                .toList();
    }

    /** Every distinct form at every text position, mapped back to offsets in {@code input}. */
    private static List<Place> expected(NaiveMasker oracle, byte[] input) {
        NaiveMasker.Lexed lexed = oracle.lex(input);
        byte[] text = lexed.text();
        List<NaiveMasker.Segment> segments = lexed.segments();
        long[] textAt = new long[text.length];
        long[] segmentAt = new long[segments.size()];
        long at = 0;
        int s = 0;
        for (int p = 0; p <= text.length; p++) {
            while (s < segments.size() && segments.get(s).position() <= p) {
                segmentAt[s] = at;
                at += segments.get(s++).bytes().length;
            }
            if (p < text.length) {
                textAt[p] = at++;
            }
        }
        Set<ByteBuffer> forms = new LinkedHashSet<>();
        oracle.forms().forEach(form -> forms.add(ByteBuffer.wrap(form)));
        List<Place> places = new ArrayList<>();
        for (int p = 0; p < text.length; p++) {
            for (ByteBuffer form : forms) {
                int length = form.remaining();
                if (p + length <= text.length && Arrays.equals(text, p, p + length, form.array(), 0, length)) {
                    places.add(new Place(
                            textAt[p], textAt[p + length - 1] + 1, kept(segments, segmentAt, p, p + length - 1)));
                }
            }
        }
        places.sort(Comparator.comparingLong(Place::start).thenComparingLong(Place::end));
        return places;
    }

    /** The segments after text position {@code from} and up to {@code to}, those at one place joined. */
    private static List<Occurrence.Range> kept(List<NaiveMasker.Segment> segments, long[] segmentAt, int from, int to) {
        List<Occurrence.Range> ranges = new ArrayList<>();
        for (int s = 0; s < segments.size(); s++) {
            int position = segments.get(s).position();
            if (position > from && position <= to) {
                long start = segmentAt[s];
                long end = start + segments.get(s).bytes().length;
                Occurrence.Range last = ranges.isEmpty() ? null : ranges.get(ranges.size() - 1);
                if (last != null && last.end() == start && segments.get(s - 1).position() == position) {
                    ranges.set(ranges.size() - 1, new Occurrence.Range(last.start(), end));
                } else {
                    ranges.add(new Occurrence.Range(start, end));
                }
            }
        }
        return ranges;
    }

    /** The bytes of an occurrence without its kept segments: the form matching saw. */
    private static byte[] withoutKept(byte[] input, Occurrence occurrence) {
        java.io.ByteArrayOutputStream seen = new java.io.ByteArrayOutputStream();
        long at = occurrence.start();
        for (Occurrence.Range kept : occurrence.kept()) {
            seen.write(input, (int) at, (int) (kept.start() - at));
            at = kept.end();
        }
        seen.write(input, (int) at, (int) (occurrence.end() - at));
        return seen.toByteArray();
    }
}
