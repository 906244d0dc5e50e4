package io.jenkins.plugins.apikey.scan;

import io.jenkins.plugins.apikey.mask.Occurrence;
import io.jenkins.plugins.apikey.preset.KeyMaterial;
import io.jenkins.plugins.apikey.preset.ServicePreset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Turns what one file's scan found into leaks: overlapping occurrences of one known key become one
 * leak (in the key's own form rather than a derived value's), a shape's find inside a known key's
 * leak is dropped, and each key gets its number and, when the scan verifies, its liveness.
 */
final class LeakAssembly {

    private static final Comparator<Leak> BY_PLACE =
            Comparator.comparingLong(Leak::offset).thenComparingLong(Leak::end);

    private final Path file;
    private final List<KnownKey> known;
    private final int[] owners;
    private final boolean[] derived;
    private final KeyRegistry keys;
    private final int[] knownNumbers;

    LeakAssembly(Path file, List<KnownKey> known, int[] owners, boolean[] derived, KeyRegistry keys) {
        this.file = file;
        this.known = known;
        this.owners = owners;
        this.derived = derived;
        this.keys = keys;
        this.knownNumbers = new int[known.size()];
    }

    List<Leak> leaks(FileScan scan) throws InterruptedException {
        List<Leak> leaks = new ArrayList<>();
        List<KnownScan.Found> group = new ArrayList<>();
        long groupEnd = 0;
        for (KnownScan.Found found : scan.occurrences()) {
            Occurrence occurrence = found.occurrence();
            if (!group.isEmpty()
                    && (owners[occurrence.secret()]
                                    != owners[group.get(0).occurrence().secret()]
                            || occurrence.start() >= groupEnd)) {
                leaks.add(knownLeak(group));
                group.clear();
            }
            groupEnd = group.isEmpty() ? occurrence.end() : Math.max(groupEnd, occurrence.end());
            group.add(found);
        }
        if (!group.isEmpty()) {
            leaks.add(knownLeak(group));
        }
        KnownRanges knownRanges = new KnownRanges(leaks);
        List<Candidate> candidates = new ArrayList<>(scan.candidates());
        candidates.sort(Comparator.comparingLong(Candidate::offset).thenComparingInt(Candidate::length));
        Candidate previous = null;
        for (Candidate candidate : candidates) {
            boolean repeated = previous != null
                    && previous.offset() == candidate.offset()
                    && previous.length() == candidate.length();
            if (!repeated && !knownRanges.overlap(candidate.offset(), candidate.offset() + candidate.length())) {
                leaks.add(shapeLeak(candidate));
            }
            previous = candidate;
        }
        leaks.sort(BY_PLACE);
        return leaks;
    }

    private Leak knownLeak(List<KnownScan.Found> group) throws InterruptedException {
        KnownScan.Found first = group.get(0);
        KnownScan.Found last = first;
        String form = null;
        List<Occurrence.Range> kept = new ArrayList<>();
        for (KnownScan.Found found : group) {
            Occurrence occurrence = found.occurrence();
            if (occurrence.end() > last.occurrence().end()) {
                last = found;
            }
            if (form == null && !derived[occurrence.secret()]) {
                form = occurrence.form();
            }
            for (Occurrence.Range range : occurrence.kept()) {
                if (!kept.contains(range)) {
                    kept.add(range);
                }
            }
        }
        kept.sort(Comparator.comparingLong(Occurrence.Range::start));
        int index = owners[first.occurrence().secret()];
        KnownKey key = known.get(index);
        if (knownNumbers[index] == 0) {
            knownNumbers[index] = keys.number(key.material().key());
        }
        long start = first.occurrence().start();
        return new Leak(
                file,
                start,
                last.occurrence().end() - start,
                first.line(),
                first.column(),
                last.endLine(),
                last.endColumn(),
                first.charColumn(),
                last.charEndColumn(),
                key.name(),
                true,
                key.preset().id(),
                form != null ? form : "derived-" + first.occurrence().form(),
                key.preset().hint(key.material()),
                knownNumbers[index],
                keys.liveness(knownNumbers[index], key.preset(), key.material()),
                kept);
    }

    private Leak shapeLeak(Candidate candidate) throws InterruptedException {
        ServicePreset preset = candidate.rule().preset();
        KeyMaterial material = new KeyMaterial(candidate.key(), candidate.clientId(), null);
        int number = keys.number(candidate.key());
        return new Leak(
                file,
                candidate.offset(),
                candidate.length(),
                candidate.line(),
                candidate.column(),
                candidate.line(),
                candidate.column() + candidate.length(),
                candidate.charColumn(),
                candidate.charEndColumn(),
                preset.id(),
                false,
                preset.id(),
                candidate.form(),
                preset.hint(material),
                number,
                keys.liveness(number, preset, material),
                List.of());
    }

    /** The known keys' leaks, in order of their offset, asked whether a range overlaps one. */
    private static final class KnownRanges {
        private final long[] offsets;
        private final long[] maxEnds;

        KnownRanges(List<Leak> leaks) {
            offsets = new long[leaks.size()];
            maxEnds = new long[leaks.size()];
            long maxEnd = 0;
            for (int i = 0; i < offsets.length; i++) {
                offsets[i] = leaks.get(i).offset();
                maxEnd = Math.max(maxEnd, leaks.get(i).end());
                maxEnds[i] = maxEnd;
            }
        }

        /**
         * Whether {@code [start, end)} overlaps a leak: of the leaks that start before {@code end},
         * one ends after {@code start}.
         */
        boolean overlap(long start, long end) {
            int before = Arrays.binarySearch(offsets, end - 1);
            int last = before >= 0 ? before : -before - 2;
            while (before >= 0 && last + 1 < offsets.length && offsets[last + 1] == end - 1) {
                last++;
            }
            return last >= 0 && maxEnds[last] > start;
        }
    }
}
