package io.jenkins.plugins.apikey.cli;

import io.jenkins.plugins.apikey.EngineMessages;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Entry point of {@code api-keys}: dispatches to its commands. */
@Command(
        name = "api-keys",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        synopsisHeading = "Usage: ",
        synopsisSubcommandLabel = "COMMAND",
        description = {
            "",
            "API keys for builds outside Jenkins: masks them in logs, binds them for commands, verifies them with"
                    + " their services and finds the ones that leaked.",
            ""
        },
        commandListHeading = "%nCommands:%n",
        footer = {"", "Run 'api-keys COMMAND --help' for a command's options."})
public final class Main implements Callable<Integer> {

    /** Exit status of a bad command line for the tool and {@code mask}; {@code run} and {@code verify} use 64. */
    static final int USAGE = 2;

    private final Stdio stdio;

    @Spec
    private CommandSpec spec;

    private Main(Stdio stdio) {
        this.stdio = stdio;
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 64 * 1024);
        OutputStream err = new FileOutputStream(FileDescriptor.err);
        Stdio stdio = new Stdio(
                new FileInputStream(FileDescriptor.in),
                out,
                err,
                new PrintStream(err, true, StandardCharsets.UTF_8),
                true);
        System.exit(run(args, stdio, Environment.current()));
    }

    static int run(String[] args, Stdio stdio, Environment env) {
        String command = args.length > 0 ? args[0] : "";
        if (command.equals("mask") || command.equals("run")) {
            MaskerWarmUp.start();
        }
        if (command.equals("mask")) {
            MaskCommand mask = new MaskCommand(stdio, env);
            if (mask.readPlainOptions(args, 1)) {
                // picocli's first command line costs more start-up than masking needs (see there)
                int status = mask.call();
                try {
                    stdio.out().flush();
                } catch (IOException e) {
                    if (status == 0) {
                        stdio.messages().println("mask: input or output failed (" + EngineMessages.reason(e) + ").");
                        return 1;
                    }
                }
                return status;
            }
        }
        CommandLine line = new CommandLine(new Main(stdio))
                .addSubcommand(new MaskCommand(stdio, env))
                .addSubcommand(new RunCommand(stdio, env))
                .addSubcommand(new VerifyCommand(stdio, env))
                .addSubcommand(new ScanCommand(stdio, env))
                .addSubcommand(new AutoComplete.GenerateCompletion());
        line.getSubcommands().get("run").setStopAtPositional(true);
        line.getSubcommands()
                .get("generate-completion")
                .getCommandSpec()
                .usageMessage()
                .hidden(false);
        PrintWriter out = new PrintWriter(new OutputStreamWriter(stdio.out(), StandardCharsets.UTF_8), true);
        line.setOut(out);
        line.setErr(new PrintWriter(new OutputStreamWriter(stdio.messages(), StandardCharsets.UTF_8), true));
        line.setParameterExceptionHandler(Main::badCommandLine);
        int status = line.execute(args);
        out.flush();
        return status;
    }

    /** A command line picocli cannot parse: one sentence naming the problem and where help is. */
    private static int badCommandLine(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        String name = command.getCommandName();
        String message = e.getMessage();
        if (command.getCommand() instanceof Main
                && e instanceof CommandLine.UnmatchedArgumentException unmatched
                && !unmatched.getUnmatched().isEmpty()) {
            message = "Unknown command '" + unmatched.getUnmatched().get(0) + "'. The commands are "
                    + String.join(", ", command.getSubcommands().keySet());
        }
        command.getErr()
                .println(name + ": " + message + (message.endsWith(".") ? "" : ".") + " Run '"
                        + command.getCommandSpec().qualifiedName() + " --help' for the options.");
        return command.getCommand() instanceof RunCommand || command.getCommand() instanceof VerifyCommand
                ? RunFailure.USAGE
                : USAGE;
    }

    /** {@code api-keys} alone: the overview, on standard error, as a bad command line. */
    @Override
    public Integer call() {
        stdio.messages().print(spec.commandLine().getUsageMessage());
        return USAGE;
    }
}
