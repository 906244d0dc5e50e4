package io.jenkins.plugins.apikey.scan;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The text report: one line per leak, {@code path:line:column: rule form hint}, then the
 * liveness when keys were verified; {@code -} stands for no hint.
 */
final class TextReport implements ReportWriter {

    private final PrintWriter out;

    TextReport(OutputStream out) {
        this.out = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), false);
    }

    /** The line for {@code leak}, without a line end. */
    static String line(Leak leak) {
        return leak.file() + ":" + leak.line() + ":" + leak.column() + ": " + leak.rule() + " " + leak.form() + " "
                + (leak.hint().isEmpty() ? "-" : leak.hint())
                + (leak.liveness() == null ? "" : " " + leak.liveness().name().toLowerCase(Locale.ROOT));
    }

    @Override
    public void leak(Leak leak) {
        out.println(line(leak));
    }

    @Override
    public void finish(ScanSummary summary) throws IOException {
        out.flush();
        if (out.checkError()) {
            throw new IOException("The report could not be written.");
        }
    }
}
