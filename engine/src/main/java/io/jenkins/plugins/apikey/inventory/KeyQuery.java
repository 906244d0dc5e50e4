package io.jenkins.plugins.apikey.inventory;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A search and a page of the inventory. Every word of the search must appear, in any case, in the
 * key's id, description, service, hint, kind or store.
 *
 * @param search the words to look for; blank for all keys
 * @param pageSize 10, 25 or 50
 * @param page the page wanted, from 1; a page past the end gives the last one
 */
public record KeyQuery(String search, int pageSize, int page) {

    /** The page sizes offered. */
    public static final List<Integer> PAGE_SIZES = List.of(10, 25, 50);

    public KeyQuery {
        if (!PAGE_SIZES.contains(pageSize)) {
            throw new IllegalArgumentException(
                    "The page size must be one of " + PAGE_SIZES + ", not " + pageSize + ".");
        }
        search = search == null ? "" : search.strip();
        page = Math.max(1, page);
    }

    /** The matching keys, in the given order, cut to the page. */
    public KeyPage apply(List<KeyRecord> records) {
        List<KeyRecord> matching = records.stream().filter(this::matches).toList();
        int pages = Math.max(1, (matching.size() + pageSize - 1) / pageSize);
        int shown = Math.min(page, pages);
        int from = (shown - 1) * pageSize;
        return new KeyPage(
                matching.subList(from, Math.min(matching.size(), from + pageSize)),
                matching.size(),
                shown,
                pages,
                pageSize);
    }

    /** Whether {@code record} matches the search. */
    public boolean matches(KeyRecord record) {
        if (search.isEmpty()) {
            return true;
        }
        String haystack = Stream.of(
                        record.id(),
                        record.description(),
                        record.service(),
                        record.hint(),
                        record.kind(),
                        record.store())
                .map(value -> value == null ? "" : value.toLowerCase(Locale.ROOT))
                .reduce("", (a, b) -> a + "\n" + b);
        return Arrays.stream(search.toLowerCase(Locale.ROOT).split("\\s+")).allMatch(haystack::contains);
    }

    /**
     * One page of keys.
     *
     * @param items the keys on the page
     * @param total how many keys match
     * @param page the page shown, from 1
     * @param pages how many pages there are, at least 1
     * @param pageSize the page size
     */
    public record KeyPage(List<KeyRecord> items, int total, int page, int pages, int pageSize) {}
}
