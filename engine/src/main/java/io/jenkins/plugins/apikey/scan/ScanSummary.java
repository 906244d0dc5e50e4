package io.jenkins.plugins.apikey.scan;

/**
 * What a whole scan did.
 *
 * @param files text files scanned
 * @param binary files skipped as binary
 * @param bytes bytes of the scanned files, on disk
 * @param filesWithLeaks files in which keys were found
 * @param leaks keys found, each place counted once
 * @param problems paths that could not be scanned
 */
public record ScanSummary(long files, long binary, long bytes, long filesWithLeaks, long leaks, long problems) {}
