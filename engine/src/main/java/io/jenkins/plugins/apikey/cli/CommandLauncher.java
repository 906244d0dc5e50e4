package io.jenkins.plugins.apikey.cli;

import io.jenkins.plugins.apikey.EngineMessages;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts the command in a session and process group of its own, with the bound variables added to
 * the environment byte for byte, so that {@code run} can signal the whole group and nothing the
 * command starts is left out. The session comes from {@code setsid} (util-linux, BusyBox) or, where
 * there is none (macOS), from Perl's {@code POSIX::setsid}, which macOS and Debian's essential
 * packages ship.
 */
final class CommandLauncher {

    /** How the command's standard streams are connected. */
    enum Streams {
        /** Output through pipes that {@code run} masks; input passed on or inherited. */
        MASKED,
        /** Standard error into the same pipe as standard output. */
        MERGED,
        /** Output and input inherited: the command writes to {@code run}'s own streams. */
        INHERITED
    }

    private static final String FALLBACK_PATH = "/usr/local/bin:/usr/bin:/bin";
    private static final String SYSTEM_PATH = "/usr/bin:/bin";

    /** Makes a new session, then becomes the command; {@code --} keeps the command's words from Perl. */
    private static final String PERL_SETSID =
            "POSIX::setsid() or die \"api-keys-run: setsid: $!\\n\"; exec { $ARGV[0] } @ARGV;"
                    + " die \"api-keys-run: cannot execute $ARGV[0]: $!\\n\"";

    private final Environment environment;
    private final boolean inheritStdin;
    private final String systemPath;

    /**
     * @param environment run's environment, which the command gets with the bound variables added
     * @param inheritStdin whether the command reads run's own standard input directly
     */
    CommandLauncher(Environment environment, boolean inheritStdin) {
        this(environment, inheritStdin, SYSTEM_PATH);
    }

    /** As above, looking for the session tools in {@code systemPath} after run's own {@code PATH}. */
    CommandLauncher(Environment environment, boolean inheritStdin, String systemPath) {
        this.environment = environment;
        this.inheritStdin = inheritStdin;
        this.systemPath = systemPath;
    }

    /** The group of a started command, and whether it has a group of its own. */
    record Started(Process process, ProcessGroup group) {}

    /**
     * The words that start the command in a session of its own: {@code setsid}, else Perl's; empty
     * when neither is there, and the command then shares run's group.
     */
    Optional<List<String>> newSession() {
        String path = environment.setting("PATH", FALLBACK_PATH) + ":" + systemPath;
        Optional<List<String>> setsid = CommandPath.find("setsid", path).map(tool -> List.of(tool.toString()));
        if (setsid.isPresent()) {
            return setsid;
        }
        return CommandPath.find("perl", path).map(perl -> List.of(perl.toString(), "-MPOSIX", "-e", PERL_SETSID, "--"));
    }

    /**
     * Starts {@code command} with {@code variables} added to the environment.
     *
     * @throws RunFailure 127 or 126 when the program is missing or cannot be executed
     */
    Started start(List<String> command, Map<String, String> variables, Streams streams) throws RunFailure {
        String childPath = variables.getOrDefault("PATH", environment.setting("PATH", FALLBACK_PATH));
        CommandPath.check(command.get(0), childPath);
        ProcessBuilder builder = new ProcessBuilder();
        if (!environment.inherited()) {
            builder.environment().clear();
            builder.environment().putAll(environment.decoded());
        }
        List<String> words = new ArrayList<>();
        Optional<List<String>> session = newSession();
        session.ifPresent(words::addAll);
        words.addAll(ExactBytes.apply(variables, command, builder.environment()));
        builder.command(words);
        if (inheritStdin) {
            builder.redirectInput(ProcessBuilder.Redirect.INHERIT);
        }
        if (streams == Streams.INHERITED) {
            builder.redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.INHERIT);
        }
        builder.redirectErrorStream(streams == Streams.MERGED);
        try {
            Process process = builder.start();
            return new Started(process, new ProcessGroup(process, session.isPresent()));
        } catch (IOException e) {
            throw new RunFailure(
                    RunFailure.CANNOT_EXECUTE,
                    "Command cannot be executed: " + command.get(0) + " (" + EngineMessages.reason(e)
                            + "). Check that it is an executable program.");
        }
    }
}
