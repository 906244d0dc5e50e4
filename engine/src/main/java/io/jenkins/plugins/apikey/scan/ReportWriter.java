package io.jenkins.plugins.apikey.scan;

import java.io.IOException;

/** Writes a scan's leaks as they are found, in one of the {@link ReportFormat formats}. */
public interface ReportWriter {

    /** Writes one leak. */
    void leak(Leak leak) throws IOException;

    /** Ends the report and flushes it; does not close the stream it writes to. */
    void finish(ScanSummary summary) throws IOException;
}
