package io.jenkins.plugins.apikey.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Removes the key directories that runs of the same user left behind when they were killed with
 * KILL, when no code of theirs could run: those whose process is gone, or whose process id now
 * belongs to a process that started after the directory was last written.
 */
final class StaleKeyDirectories {

    /** Process start times are known to about a second; a reused id is far younger than that. */
    private static final Duration START_TIME_SLACK = Duration.ofSeconds(2);

    private StaleKeyDirectories() {}

    /** Removes the stale directories under {@code root}; returns how many. Problems are skipped. */
    static int sweep(Path root) {
        Optional<UserPrincipal> user = currentUser();
        if (user.isEmpty() || !Files.isDirectory(root)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> candidates = Files.newDirectoryStream(root, KeyDirectory.PREFIX + "*")) {
            for (Path candidate : candidates) {
                if (stale(candidate, user.get())) {
                    KeyDirectory.deleteTree(candidate);
                    removed++;
                }
            }
        } catch (IOException e) {
            // another user's directory or a race with another run: left for later
        }
        return removed;
    }

    private static boolean stale(Path directory, UserPrincipal user) throws IOException {
        String suffix = directory.getFileName().toString().substring(KeyDirectory.PREFIX.length());
        if (suffix.isEmpty() || !suffix.chars().allMatch(Character::isDigit) || suffix.length() > 18) {
            return false;
        }
        BasicFileAttributes attributes =
                Files.readAttributes(directory, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isDirectory() || !user.equals(Files.getOwner(directory, LinkOption.NOFOLLOW_LINKS))) {
            return false;
        }
        long pid = Long.parseLong(suffix);
        if (pid == ProcessHandle.current().pid()) {
            return true; // this run has not made its own yet: an earlier process with this id left it
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !running(pid)) {
            return true;
        }
        Instant written = attributes.lastModifiedTime().toInstant();
        return process.get()
                .info()
                .startInstant()
                .map(start -> start.isAfter(written.plus(START_TIME_SLACK)))
                .orElse(false);
    }

    /**
     * Whether process {@code pid} runs: exists and is no zombie. A killed run whose parent does not
     * reap it (a container's PID 1 that is no init) stays a zombie, which Java counts as alive.
     */
    static boolean running(long pid) {
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                return !stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
            } catch (IOException | RuntimeException e) {
                return Files.notExists(Path.of("/proc/" + pid))
                        && ProcessHandle.of(pid).isPresent();
            }
        }
        return false;
    }

    /** This process's user: the owner of /proc/self on Linux, else the one named user.name. */
    private static Optional<UserPrincipal> currentUser() {
        try {
            return Optional.of(Files.getOwner(Path.of("/proc/self")));
        } catch (IOException | UnsupportedOperationException e) {
            try {
                return Optional.of(Path.of("/")
                        .getFileSystem()
                        .getUserPrincipalLookupService()
                        .lookupPrincipalByName(System.getProperty("user.name")));
            } catch (IOException | UnsupportedOperationException notFound) {
                return Optional.empty();
            }
        }
    }
}
