package io.jenkins.plugins.apikey.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InventoryExportTest {

    private static final KeyRecord KEY = new KeyRecord(
            "katalon-nightly",
            "API key",
            "Katalon",
            "…1d07",
            "Nightly, \"full\" regression",
            "Jenkins",
            "GLOBAL",
            Instant.parse("2026-01-01T00:00:00Z"),
            null,
            Instant.parse("2026-11-20T10:00:00Z"),
            "nightly #42",
            null,
            null,
            true);
    private static final KeyRecord FORMULA = new KeyRecord(
            "x",
            "Client credentials",
            "Xray Cloud",
            "",
            "=HYPERLINK(1)",
            "Folder qa",
            "GLOBAL",
            null,
            null,
            null,
            null,
            Instant.parse("2026-11-01T00:00:00Z"),
            "admin",
            true);

    @Test
    void csvQuotesAndDefusesFormulas() {
        assertThat(InventoryExport.csv(List.of(KEY, FORMULA)))
                .isEqualTo("id,kind,service,hint,description,store,scope,firstSeen,lastRotated,lastUsed,lastUsedBy,"
                        + "revokedAt,revokedBy\r\n"
                        + "katalon-nightly,API key,Katalon,…1d07,\"Nightly, \"\"full\"\" regression\",Jenkins,GLOBAL,"
                        + "2026-01-01T00:00:00Z,,2026-11-20T10:00:00Z,nightly #42,,\r\n"
                        + "x,Client credentials,Xray Cloud,,'=HYPERLINK(1),Folder qa,GLOBAL,,,,,2026-11-01T00:00:00Z,"
                        + "admin\r\n");
        assertThat(InventoryExport.csv(List.of())).hasLineCount(1);
    }

    @Test
    void cellsThatASpreadsheetWouldRunAsFormulasAreDefused() {
        for (String formula : List.of(
                "=1+1",
                "+1",
                "-1",
                "@SUM(A1)",
                "\t=1",
                "\r=1",
                " =1",
                "\u00A0=1",
                "\u3000@x",
                "\uFF1D1+1",
                "\uFF0B1")) {
            assertThat(InventoryExport.csvCell(formula)).as(formula).contains("'" + formula);
        }
        for (String text : List.of("nightly-1", "a=b", "1-2", "user@example.com", "")) {
            assertThat(InventoryExport.csvCell(text)).as(text).isEqualTo(text);
        }
    }

    @Test
    void jsonHasEveryColumnWithNullsForMissingValues() {
        String json = InventoryExport.json(List.of(KEY));

        assertThat(json)
                .startsWith("[\n  {\"id\": \"katalon-nightly\", \"kind\": \"API key\"")
                .contains(
                        "\"description\": \"Nightly, \\\"full\\\" regression\"",
                        "\"lastRotated\": null",
                        "\"lastUsedBy\": \"nightly #42\"",
                        "\"revokedBy\": null}")
                .endsWith("}\n]\n");
        assertThat(InventoryExport.json(List.of())).isEqualTo("[]\n");
    }
}
