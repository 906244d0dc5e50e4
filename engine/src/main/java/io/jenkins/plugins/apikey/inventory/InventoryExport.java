package io.jenkins.plugins.apikey.inventory;

import io.jenkins.plugins.apikey.exchange.JsonStrings;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** The inventory as CSV (RFC 4180) and JSON, for audits. Records hold no secrets, so neither does this. */
public final class InventoryExport {

    private static final List<String> COLUMNS = List.of(
            "id",
            "kind",
            "service",
            "hint",
            "description",
            "store",
            "scope",
            "firstSeen",
            "lastRotated",
            "lastUsed",
            "lastUsedBy",
            "revokedAt",
            "revokedBy");

    private InventoryExport() {}

    /** One header line and one line per key, CRLF-terminated. */
    public static String csv(List<KeyRecord> records) {
        StringBuilder out = new StringBuilder();
        out.append(String.join(",", COLUMNS)).append("\r\n");
        for (KeyRecord record : records) {
            List<String> cells = values(record);
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(csvCell(cells.get(i)));
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    /** A JSON array of objects with the CSV's columns as fields; missing values are {@code null}. */
    public static String json(List<KeyRecord> records) {
        StringBuilder out = new StringBuilder("[");
        for (int r = 0; r < records.size(); r++) {
            out.append(r == 0 ? "\n  {" : ",\n  {");
            List<String> cells = values(records.get(r));
            for (int i = 0; i < COLUMNS.size(); i++) {
                out.append(i == 0 ? "" : ", ")
                        .append(JsonStrings.quote(COLUMNS.get(i)))
                        .append(": ")
                        .append(cells.get(i) == null ? "null" : JsonStrings.quote(cells.get(i)));
            }
            out.append('}');
        }
        return out.append(records.isEmpty() ? "]\n" : "\n]\n").toString();
    }

    private static List<String> values(KeyRecord record) {
        return Arrays.asList(
                record.id(),
                record.kind(),
                record.service(),
                record.hint(),
                record.description(),
                record.store(),
                record.scope(),
                time(record.firstSeen()),
                time(record.lastRotated()),
                time(record.lastUsed()),
                record.lastUsedBy(),
                time(record.revokedAt()),
                record.revokedBy());
    }

    private static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** Quoted when needed; a leading {@code = + - @} is defused so spreadsheets do not run it. */
    /**
     * Whether a spreadsheet might run {@code value} as a formula: its first character, after any
     * white space or control characters, is one of {@code = + - @} or their full-width forms, or
     * it starts with a tab or carriage return (OWASP, CSV injection).
     */
    private static boolean startsLikeAFormula(String value) {
        if (!value.isEmpty() && (value.charAt(0) == '\t' || value.charAt(0) == '\r')) {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isISOControl(c) && !Character.isSpaceChar(c)) {
                return "=+-@\uFF1D\uFF0B\uFF0D\uFF20".indexOf(c) >= 0;
            }
        }
        return false;
    }

    static String csvCell(String value) {
        if (value == null) {
            return "";
        }
        String cell = startsLikeAFormula(value) ? "'" + value : value;
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }
}
