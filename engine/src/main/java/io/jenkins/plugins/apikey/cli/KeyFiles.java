package io.jenkins.plugins.apikey.cli;

import io.jenkins.plugins.apikey.bind.BindingPlan;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The files of a binding plan, written into a fresh directory only the current user can read, and
 * deleted, once, by whichever comes first: the command's end or the JVM's shutdown.
 */
final class KeyFiles implements AutoCloseable {

    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path directory;
    private final Map<String, String> paths = new LinkedHashMap<>();
    private final Thread shutdownHook;

    private KeyFiles(Path directory) {
        this.directory = directory;
        this.shutdownHook = new Thread(this::delete, "api-key files cleanup");
    }

    /** Writes {@code files}; nothing when the list is empty. */
    static KeyFiles write(List<BindingPlan.PlannedFile> files) throws IOException {
        Path directory = POSIX
                ? Files.createTempDirectory(
                        "api-keys", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
                : Files.createTempDirectory("api-keys");
        KeyFiles written = new KeyFiles(directory);
        Runtime.getRuntime().addShutdownHook(written.shutdownHook);
        try {
            for (BindingPlan.PlannedFile file : files) {
                Path path = directory.resolve(file.relativePath());
                Files.createDirectories(path.getParent());
                if (POSIX) {
                    Files.setPosixFilePermissions(path.getParent(), PosixFilePermissions.fromString("rwx------"));
                    Files.createFile(
                            path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                }
                Files.write(path, file.content());
                written.paths.put(file.variable(), path.toString());
            }
        } catch (IOException | RuntimeException e) {
            written.close();
            throw e;
        }
        return written;
    }

    /** Variable name to file path. */
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
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            System.err.println("run: warning: could not delete " + directory + " ("
                    + e.getClass().getSimpleName() + ")");
        }
    }
}
