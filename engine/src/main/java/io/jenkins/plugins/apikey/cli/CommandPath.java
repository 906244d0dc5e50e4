package io.jenkins.plugins.apikey.cli;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds programs the way {@code execvp} does, so that {@code run} can say "not found" or "cannot
 * be executed" itself (statuses 127 and 126) before it starts anything.
 */
final class CommandPath {

    private CommandPath() {}

    /**
     * Checks that {@code program} can be executed: a path as it is, a bare name in {@code path}.
     *
     * @throws RunFailure 127 when there is no such program, 126 when it cannot be executed
     */
    static void check(String program, String path) throws RunFailure {
        if (program.isEmpty()) {
            throw new RunFailure(RunFailure.NOT_FOUND, "The command is empty. Give the program to run after --.");
        }
        if (program.contains("/")) {
            Path file = Path.of(program);
            if (!Files.exists(file)) {
                throw new RunFailure(RunFailure.NOT_FOUND, "Command not found: " + program + ". Check the path.");
            }
            if (!executable(file)) {
                throw new RunFailure(
                        RunFailure.CANNOT_EXECUTE,
                        "Command cannot be executed: " + program + ". Check that it is an executable program"
                                + " (chmod +x) and not a directory.");
            }
            return;
        }
        Optional<Path> found = find(program, path);
        if (found.isEmpty()) {
            throw new RunFailure(
                    RunFailure.NOT_FOUND,
                    "Command not found: " + program + ". Check the name, or add its directory to PATH.");
        }
    }

    /** The executable file {@code name} in the directories of {@code path}, if there is one. */
    static Optional<Path> find(String name, String path) {
        for (String directory : path.split(File.pathSeparator, -1)) {
            try {
                Path candidate = Path.of(directory.isEmpty() ? "." : directory).resolve(name);
                if (executable(candidate)) {
                    return Optional.of(candidate);
                }
            } catch (InvalidPathException e) {
                // a PATH entry that is no path cannot hold the program
            }
        }
        return Optional.empty();
    }

    private static boolean executable(Path file) {
        return Files.isRegularFile(file) && Files.isExecutable(file);
    }
}
