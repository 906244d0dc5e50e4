package io.jenkins.plugins.apikey.cli;

import io.jenkins.plugins.apikey.EngineMessages;
import io.jenkins.plugins.apikey.bind.BindingPlan;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The key files of one {@code run}: an owner-only directory {@code $TMPDIR/api-keys-<pid>} named
 * after {@code run}'s process id (so that a later {@code run} can tell a left-over one, see {@link
 * StaleKeyDirectories}), and symbolic links into it where the user chose a path, so that no copy
 * of a key is ever outside it. Deleted, once, by whichever comes first: {@link #close()} or the
 * JVM's shutdown.
 */
final class KeyDirectory implements AutoCloseable {

    /** The start of every key directory's name; the process id follows. */
    static final String PREFIX = "api-keys-";

    private final Path directory;
    private final Map<Path, Path> links = new LinkedHashMap<>();
    private final Map<String, String> paths = new LinkedHashMap<>();
    private final Thread shutdownHook;
    private boolean deleted;

    private KeyDirectory(Path directory) {
        this.directory = directory;
        this.shutdownHook = new Thread(this::delete, "api-keys cleanup");
    }

    /** The directory {@code run} with process id {@code pid} uses under {@code root}. */
    static Path path(Path root, long pid) {
        return root.resolve(PREFIX + pid);
    }

    /**
     * Writes {@code files} into a new directory under {@code root}; a file whose variable is in
     * {@code linked} is reached through a symbolic link at that path.
     *
     * @throws RunFailure 70, with a message that names the directory and the reason
     */
    static KeyDirectory write(Path root, List<BindingPlan.PlannedFile> files, Map<String, Path> linked)
            throws RunFailure {
        Path path = path(root, ProcessHandle.current().pid());
        KeyDirectory written = new KeyDirectory(path);
        try {
            Files.createDirectory(
                    path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (FileAlreadyExistsException e) {
            throw new RunFailure(
                    RunFailure.SOFTWARE,
                    "Cannot create the key directory " + path + ": it exists and is not this user's to remove. Remove"
                            + " it, or set TMPDIR to a directory of your own.");
        } catch (IOException e) {
            throw new RunFailure(
                    RunFailure.SOFTWARE,
                    "Cannot create the key directory under " + root + ": " + EngineMessages.reason(e)
                            + ". Set TMPDIR to a directory you may write.");
        }
        Runtime.getRuntime().addShutdownHook(written.shutdownHook);
        try {
            for (BindingPlan.PlannedFile file : files) {
                written.add(file, linked.get(file.variable()));
            }
        } catch (IOException e) {
            written.close();
            throw new RunFailure(
                    RunFailure.SOFTWARE,
                    "Cannot write the key files in " + path + ": " + EngineMessages.reason(e) + ". Check the space and"
                            + " permissions of TMPDIR.");
        } catch (RunFailure e) {
            written.close();
            throw e;
        }
        return written;
    }

    private void add(BindingPlan.PlannedFile file, Path link) throws IOException, RunFailure {
        Path path = directory.resolve(file.relativePath());
        Path parent = path.getParent();
        Files.createDirectories(
                parent, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(path, file.content());
        if (link == null) {
            paths.put(file.variable(), path.toString());
            return;
        }
        Path absolute = link.toAbsolutePath().normalize();
        if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
            if (!leftOver(absolute)) {
                throw new RunFailure(
                        RunFailure.USAGE,
                        absolute + " already exists, and run does not overwrite files. Move it away (it may hold a"
                                + " key) or choose another --agent-config-path.");
            }
            Files.delete(absolute);
        }
        Files.createSymbolicLink(absolute, path);
        links.put(absolute, path);
        paths.put(file.variable(), absolute.toString());
    }

    /** Whether {@code path} is a link that an earlier run left into its key directory. */
    private boolean leftOver(Path path) throws IOException {
        if (!Files.isSymbolicLink(path)) {
            return false;
        }
        Path target = Files.readSymbolicLink(path);
        Path root = directory.getParent();
        return target.startsWith(root)
                && target.getName(root.getNameCount()).toString().startsWith(PREFIX);
    }

    /** Variable name to file path, as the command sees it. */
    Map<String, String> paths() {
        return paths;
    }

    @Override
    public void close() {
        delete();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down; the hook deletes the files
        }
    }

    private synchronized void delete() {
        if (deleted) {
            return;
        }
        deleted = true;
        links.forEach((link, target) -> {
            try {
                if (Files.isSymbolicLink(link) && Files.readSymbolicLink(link).equals(target)) {
                    Files.delete(link);
                }
            } catch (IOException e) {
                System.err.println("run: warning: could not delete the link " + link + " (" + EngineMessages.reason(e)
                        + "); its key file is deleted, so it leads nowhere.");
            }
        });
        try {
            deleteTree(directory);
        } catch (IOException e) {
            System.err.println("run: warning: could not delete the key directory " + directory + " ("
                    + EngineMessages.reason(e) + "). Delete it by hand; the next run also tries.");
        }
    }

    /** Deletes {@code root} and everything under it, without following symbolic links. */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }
}
