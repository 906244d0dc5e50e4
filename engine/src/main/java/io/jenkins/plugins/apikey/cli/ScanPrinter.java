package io.jenkins.plugins.apikey.cli;

import io.jenkins.plugins.apikey.scan.FileReport;
import io.jenkins.plugins.apikey.scan.Leak;
import io.jenkins.plugins.apikey.scan.RedactionException;
import io.jenkins.plugins.apikey.scan.Redactor;
import io.jenkins.plugins.apikey.scan.ReportWriter;
import io.jenkins.plugins.apikey.scan.ScanListener;
import io.jenkins.plugins.apikey.scan.ScanSummary;
import io.jenkins.plugins.apikey.verify.Verdict;
import io.jenkins.plugins.apikey.verify.Verification;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What {@code scan} prints as it goes: each leak to the report, redactions, verifications and
 * problems to standard error, and a summary at the end.
 */
final class ScanPrinter implements ScanListener {

    private final ReportWriter report;
    private final boolean redact;
    private final PrintStream messages;
    private long redactedFiles;
    private boolean troubled;

    ScanPrinter(ReportWriter report, boolean redact, PrintStream messages) {
        this.report = report;
        this.redact = redact;
        this.messages = messages;
    }

    /** Whether a redaction failed. */
    boolean troubled() {
        return troubled;
    }

    @Override
    public void scanned(FileReport file) {
        try {
            for (Leak leak : file.leaks()) {
                report.leak(leak);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (redact && !file.leaks().isEmpty()) {
            try {
                int cuts = Redactor.redact(file);
                redactedFiles++;
                messages.println("scan: redacted " + file.file() + ": " + cuts + (cuts == 1 ? " place" : " places")
                        + " replaced by ****.");
            } catch (RedactionException e) {
                troubled = true;
                messages.println("scan: " + e.getMessage());
            }
        }
    }

    @Override
    public void verified(Leak leak, Verification verification) {
        String liveness =
                switch (verification.verdict()) {
                    case VALID -> "live";
                    case REJECTED -> "dead";
                    case UNKNOWN -> "unknown";
                };
        messages.println("scan: verification: " + leak.rule() + " " + leak.preset() + " "
                + (leak.hint().isEmpty() ? "-" : leak.hint()) + " " + liveness + " "
                + (verification.status() == 0 ? "-" : String.valueOf(verification.status())) + " "
                + verification.elapsed().toMillis() + "ms");
        if (verification.verdict() != Verdict.VALID) {
            messages.println("scan: " + verification.message());
        }
    }

    @Override
    public void problem(Path path, String message) {
        messages.println("scan: " + message);
    }

    /** The last line: what was found where, what was read, what went wrong. */
    void summary(ScanSummary summary) {
        StringBuilder line = new StringBuilder("scan: ")
                .append(count(summary.leaks(), "key"))
                .append(" found in ")
                .append(count(summary.filesWithLeaks(), "file"))
                .append("; ")
                .append(count(summary.files(), "file"))
                .append(" scanned (")
                .append(String.format(Locale.ROOT, "%,d", summary.bytes()))
                .append(" bytes)");
        if (summary.binary() > 0) {
            line.append(", ").append(count(summary.binary(), "binary file")).append(" skipped");
        }
        if (redact) {
            line.append(", ").append(count(redactedFiles, "file")).append(" redacted");
        }
        if (summary.problems() > 0) {
            line.append(", ").append(count(summary.problems(), "path")).append(" not scanned");
        }
        messages.println(line.append('.'));
    }

    private static String count(long n, String thing) {
        return n + " " + thing + (n == 1 ? "" : "s");
    }
}
