package io.jenkins.plugins.apikey.scan;

import java.io.IOException;
import java.io.OutputStream;

/** The formats a scan's report is written in. */
public enum ReportFormat {
    /** One line per leak: {@code path:line:column: rule form hint [liveness]}. */
    TEXT,
    /** One JSON array with an object per leak. */
    JSON,
    /** SARIF 2.1.0, for GitHub code scanning and the Jenkins Warnings plugin. */
    SARIF;

    /**
     * A writer of this format to {@code out}.
     *
     * @param toolVersion the version of the tool, for SARIF's tool description
     */
    public ReportWriter open(OutputStream out, String toolVersion) throws IOException {
        return switch (this) {
            case TEXT -> new TextReport(out);
            case JSON -> JacksonReports.json(out);
            case SARIF -> JacksonReports.sarif(out, toolVersion);
        };
    }
}
