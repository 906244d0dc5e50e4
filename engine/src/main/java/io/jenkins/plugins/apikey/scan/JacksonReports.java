package io.jenkins.plugins.apikey.scan;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.apikey.EngineMessages;
import io.jenkins.plugins.apikey.preset.ServicePreset;
import io.jenkins.plugins.apikey.preset.ServicePresets;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON and SARIF reports, written with Jackson as leaks come: the only class of the engine that
 * uses Jackson. Neither holds any part of a key, only what a {@link Leak} holds.
 */
final class JacksonReports {

    /** The SARIF 2.1.0 schema, for editors that validate. */
    static final String SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    /** Where the tool is described. */
    static final String TOOL_URI = "https://plugins.jenkins.io/api-key-credentials/";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JacksonReports() {}

    /** One JSON array with an object per leak. */
    static ReportWriter json(OutputStream out) throws IOException {
        JsonGenerator json = generator(out);
        json.writeStartArray();
        return new ReportWriter() {
            @Override
            public void leak(Leak leak) throws IOException {
                json.writeStartObject();
                json.writeStringField("path", leak.file().toString());
                json.writeNumberField("line", leak.line());
                json.writeNumberField("column", leak.column());
                json.writeNumberField("endLine", leak.endLine());
                json.writeNumberField("endColumn", leak.endColumn());
                json.writeNumberField("offset", leak.offset());
                json.writeNumberField("length", leak.length());
                fields(json, leak);
                json.writeEndObject();
            }

            @Override
            public void finish(ScanSummary summary) throws IOException {
                json.writeEndArray();
                json.writeRaw('\n');
                json.flush();
            }
        };
    }

    /**
     * SARIF 2.1.0 with one run: a result per leak, and a rule per known key and per preset that
     * found one. Results come before the tool's description, which lists the rules once all are
     * known, so that nothing is held in memory; JSON readers take members in any order.
     */
    static ReportWriter sarif(OutputStream out, String toolVersion) throws IOException {
        JsonGenerator json = generator(out);
        json.writeStartObject();
        json.writeStringField("version", "2.1.0");
        json.writeStringField("$schema", SARIF_SCHEMA);
        json.writeArrayFieldStart("runs");
        json.writeStartObject();
        json.writeArrayFieldStart("results");
        Map<String, Leak> rules = new LinkedHashMap<>();
        return new ReportWriter() {
            @Override
            public void leak(Leak leak) throws IOException {
                rules.putIfAbsent(leak.rule(), leak);
                result(json, leak);
            }

            @Override
            public void finish(ScanSummary summary) throws IOException {
                json.writeEndArray();
                json.writeStringField("columnKind", "utf16CodeUnits");
                json.writeObjectFieldStart("tool");
                json.writeObjectFieldStart("driver");
                json.writeStringField("name", "api-keys");
                json.writeStringField("version", toolVersion);
                json.writeStringField("informationUri", TOOL_URI);
                json.writeArrayFieldStart("rules");
                for (Leak leak : rules.values()) {
                    rule(json, leak);
                }
                json.writeEndArray();
                json.writeEndObject();
                json.writeEndObject();
                json.writeEndObject();
                json.writeEndArray();
                json.writeEndObject();
                json.writeRaw('\n');
                json.flush();
            }
        };
    }

    private static void result(JsonGenerator json, Leak leak) throws IOException {
        json.writeStartObject();
        json.writeStringField("ruleId", leak.rule());
        json.writeStringField("level", "error");
        json.writeObjectFieldStart("message");
        json.writeStringField(
                "text",
                EngineMessages.leakFound(
                        keyName(leak), leak.hint(), leak.rule(), leak.known(), leak.form(), liveness(leak)));
        json.writeEndObject();
        json.writeArrayFieldStart("locations");
        json.writeStartObject();
        json.writeObjectFieldStart("physicalLocation");
        json.writeObjectFieldStart("artifactLocation");
        json.writeStringField("uri", uri(leak.file()));
        json.writeEndObject();
        json.writeObjectFieldStart("region");
        json.writeNumberField("startLine", leak.line());
        // SARIF counts columns in UTF-16 code units (the run says so); without them, the region
        // is the lines, and byteOffset says where exactly
        if (leak.charColumn() > 0 && leak.charEndColumn() > 0) {
            json.writeNumberField("startColumn", leak.charColumn());
        }
        json.writeNumberField("endLine", leak.endLine());
        if (leak.charColumn() > 0 && leak.charEndColumn() > 0) {
            json.writeNumberField("endColumn", leak.charEndColumn());
        }
        json.writeNumberField("byteOffset", leak.offset());
        json.writeNumberField("byteLength", leak.length());
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndArray();
        json.writeObjectFieldStart("properties");
        fields(json, leak);
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void rule(JsonGenerator json, Leak leak) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", leak.rule());
        json.writeObjectFieldStart("shortDescription");
        json.writeStringField("text", EngineMessages.leakRule(keyName(leak), leak.rule(), leak.known()));
        json.writeEndObject();
        json.writeObjectFieldStart("help");
        json.writeStringField("text", EngineMessages.leakHelp());
        json.writeEndObject();
        json.writeObjectFieldStart("defaultConfiguration");
        json.writeStringField("level", "error");
        json.writeEndObject();
        json.writeObjectFieldStart("properties");
        json.writeArrayFieldStart("tags");
        json.writeString("security");
        json.writeString("secret");
        json.writeEndArray();
        json.writeStringField("security-severity", "9.0");
        json.writeEndObject();
        json.writeEndObject();
    }

    /** What the JSON object of a leak and a SARIF result's properties share. */
    private static void fields(JsonGenerator json, Leak leak) throws IOException {
        json.writeStringField("rule", leak.rule());
        json.writeBooleanField("known", leak.known());
        json.writeStringField("preset", leak.preset());
        json.writeStringField("form", leak.form());
        json.writeStringField("hint", leak.hint());
        json.writeNumberField("key", leak.key());
        if (leak.liveness() != null) {
            json.writeStringField("liveness", liveness(leak));
        }
    }

    private static String liveness(Leak leak) {
        return leak.liveness() == null ? null : leak.liveness().name().toLowerCase(Locale.ROOT);
    }

    private static String keyName(Leak leak) {
        ServicePreset preset = ServicePresets.byIdOrGeneric(leak.preset());
        return preset.keyName();
    }

    /** A relative path as a relative URI with {@code /}, any other as a {@code file:} URI. */
    static String uri(Path file) {
        if (file.isAbsolute()) {
            return file.toUri().toASCIIString();
        }
        StringBuilder path = new StringBuilder();
        for (Path part : file) {
            path.append(path.length() == 0 ? "" : "/").append(part);
        }
        try {
            return new URI(null, null, path.toString(), null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("A relative path is a URI path.", e);
        }
    }

    private static JsonGenerator generator(OutputStream out) throws IOException {
        JsonGenerator json = MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.useDefaultPrettyPrinter();
        return json;
    }
}
