package io.jenkins.plugins.apikey.scan;

import io.jenkins.plugins.apikey.verify.Verification;
import java.nio.file.Path;

/** Learns what a {@link TreeScan} does as it goes: called on the scanning thread, in order. */
public interface ScanListener {

    /** The scan begins, with {@code total} files and bytes to read and nothing done yet. */
    default void started(ScanProgress total) {}

    /** One file is done: its report, with every key found in it. */
    void scanned(FileReport report);

    /** A key was verified for the first time; {@code leak} is the first place it was found. */
    default void verified(Leak leak, Verification verification) {}

    /** A path could not be scanned; the scan goes on. {@code message} says why and what to do. */
    void problem(Path path, String message);

    /** Progress, after each file and every few megabytes within large ones. */
    default void progress(ScanProgress progress) {}
}
