package io.jenkins.plugins.apikey.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;

/** Entry point of the engine jar: dispatches to its commands. */
public final class Main {

    static final String HELP = """
            Usage: java -jar api-key-engine.jar COMMAND [options]

            Commands:
              mask    copy standard input to standard output with secrets masked
              run     run a command with API keys in its environment, its output masked

            Run a command with --help for its options.
            """;

    private Main() {}

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 64 * 1024);
        InputStream in = new FileInputStream(FileDescriptor.in);
        System.exit(run(args, in, out, System.err, System.getenv()));
    }

    static int run(String[] args, InputStream in, OutputStream out, PrintStream err, Map<String, String> env) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
            err.print(HELP);
            return args.length == 0 ? 2 : 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        if (args[0].equals("mask")) {
            return MaskCommand.run(rest, in, out, err, env);
        }
        if (args[0].equals("run")) {
            return RunCommand.run(rest, in, out, err, env);
        }
        err.println("Unknown command '" + args[0] + "'. Commands: mask, run. Run with --help for details.");
        return 2;
    }
}
