package io.jenkins.plugins.apikey.cli;

import io.jenkins.plugins.apikey.exchange.XrayRegion;
import io.jenkins.plugins.apikey.scan.ReportFormat;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;

/** The values shell completion offers for options that take one of a fixed set. */
final class CompletionValues {

    private CompletionValues() {}

    /** {@code scan --format}: text, json, sarif. */
    static final class ReportFormats implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(ReportFormat.values())
                    .map(format -> format.name().toLowerCase(Locale.ROOT))
                    .iterator();
        }
    }

    /** {@code --xray-region}: GLOBAL, US, EU, AU. */
    static final class XrayRegions implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(XrayRegion.values()).map(Enum::name).iterator();
        }
    }
}
