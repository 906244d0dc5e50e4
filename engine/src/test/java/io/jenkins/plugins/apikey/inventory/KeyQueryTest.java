package io.jenkins.plugins.apikey.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyQueryTest {

    static KeyRecord record(String id, String service, String description, String store) {
        return new KeyRecord(
                id,
                "API key",
                service,
                "…" + id.substring(Math.max(0, id.length() - 4)),
                description,
                store,
                "GLOBAL",
                null,
                null,
                null,
                null,
                null,
                null,
                true);
    }

    private static List<KeyRecord> many(int count) {
        List<KeyRecord> records = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            records.add(record(String.format("key-%03d", i), i % 2 == 0 ? "Katalon" : "Xray Cloud", "", "Jenkins"));
        }
        return records;
    }

    @Test
    void pagesKeepOrderAndCountPages() {
        KeyQuery.KeyPage page = new KeyQuery("", 10, 3).apply(many(27));

        assertThat(page.items())
                .extracting(KeyRecord::id)
                .containsExactly("key-021", "key-022", "key-023", "key-024", "key-025", "key-026", "key-027");
        assertThat(page.total()).isEqualTo(27);
        assertThat(page.pages()).isEqualTo(3);
        assertThat(page.page()).isEqualTo(3);
    }

    @Test
    void pagePastTheEndShowsTheLastAndEmptyInventoryHasOnePage() {
        assertThat(new KeyQuery("", 25, 9).apply(many(30)).page()).isEqualTo(2);
        KeyQuery.KeyPage empty = new KeyQuery("", 50, 1).apply(List.of());
        assertThat(empty.items()).isEmpty();
        assertThat(empty.pages()).isEqualTo(1);
        assertThat(new KeyQuery(null, 10, -4).page()).isEqualTo(1);
    }

    @Test
    void onlyOfferedPageSizes() {
        assertThatThrownBy(() -> new KeyQuery("", 20, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The page size must be one of [10, 25, 50], not 20.");
    }

    @Test
    void everySearchWordMustMatchSomeFieldInAnyCase() {
        List<KeyRecord> records = List.of(
                record("katalon-nightly", "Katalon", "Nightly regression", "Jenkins"),
                record("xray-qa", "Xray Cloud", "QA team", "Folder qa"),
                record("katalon-onprem", "Katalon TestOps on-premise", "", "Folder qa"));

        assertThat(new KeyQuery("KATALON", 10, 1).apply(records).items())
                .extracting(KeyRecord::id)
                .containsExactly("katalon-nightly", "katalon-onprem");
        assertThat(new KeyQuery("katalon qa", 10, 1).apply(records).items())
                .extracting(KeyRecord::id)
                .containsExactly("katalon-onprem");
        assertThat(new KeyQuery("nightly", 10, 1).apply(records).total()).isEqualTo(1);
        assertThat(new KeyQuery("…y-qa", 10, 1).apply(records).total()).isEqualTo(1);
        assertThat(new KeyQuery("nothing", 10, 1).apply(records).total()).isZero();
    }
}
