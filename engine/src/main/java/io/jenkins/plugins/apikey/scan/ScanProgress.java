package io.jenkins.plugins.apikey.scan;

/**
 * How far a scan has come: files and bytes done, of how many. Bytes are the files' sizes on disk
 * (a gzip file's compressed size); the totals were counted when the scan began, so files that
 * appear or grow meanwhile may take the done figures past them.
 *
 * @param filesDone files scanned, skipped or found unreadable
 * @param files files to scan
 * @param bytesDone bytes read
 * @param bytes bytes to read
 */
public record ScanProgress(long filesDone, long files, long bytesDone, long bytes) {}
