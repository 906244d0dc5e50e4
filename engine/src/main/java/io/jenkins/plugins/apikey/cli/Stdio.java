package io.jenkins.plugins.apikey.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The standard streams a command works with, and whether they are this process's own: then a
 * child can inherit them directly (terminal, exact end of input); tests give in-memory ones.
 *
 * @param in standard input
 * @param out standard output
 * @param err standard error, for a child's error output
 * @param messages standard error, for the tool's own messages
 * @param own whether these are the process's own standard streams
 */
record Stdio(InputStream in, OutputStream out, OutputStream err, PrintStream messages, boolean own) {

    /** Streams that are not the process's own, such as a test's. */
    static Stdio of(InputStream in, OutputStream out, OutputStream err) {
        return new Stdio(in, out, err, new PrintStream(err, true, StandardCharsets.UTF_8), false);
    }
}
