package io.jenkins.plugins.apikey.scan;

import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

/**
 * What the scan of one file found.
 *
 * @param file the file, as the scan reached it
 * @param size its size on disk when the scan began
 * @param modified its modification time when the scan began
 * @param gzip whether it is gzip-compressed (positions are then of its content)
 * @param binary whether it was skipped as binary: a NUL byte in its first 8 KiB
 * @param leaks the keys found, in order of their offset
 */
public record FileReport(Path file, long size, FileTime modified, boolean gzip, boolean binary, List<Leak> leaks) {

    public FileReport {
        leaks = List.copyOf(leaks);
    }
}
