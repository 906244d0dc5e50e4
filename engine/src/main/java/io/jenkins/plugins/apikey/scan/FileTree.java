package io.jenkins.plugins.apikey.scan;

import io.jenkins.plugins.apikey.EngineMessages;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Walks the paths a scan is given, in name order: a file is itself, a directory all the regular
 * files below it. Symbolic links below a directory are not followed: what a link points to is
 * scanned where it is when that is inside the tree, and not at all when it is outside, so a walk
 * never leaves the tree nor goes round a loop. A path given by name is followed if it is a link.
 */
final class FileTree {

    /** What a walk reports. */
    interface Visitor {
        /** A regular file of {@code size} bytes. */
        void file(Path file, long size) throws InterruptedException;

        /** A path that cannot be walked. */
        void problem(Path path, String message);
    }

    private final List<Path> roots;
    private final Set<Path> excluded;

    /** @param excluded real paths of files not to visit, such as the report being written */
    FileTree(List<Path> roots, Set<Path> excluded) {
        this.roots = List.copyOf(roots);
        this.excluded = Set.copyOf(excluded);
    }

    void walk(Visitor visitor) throws InterruptedException {
        for (Path root : roots) {
            if (!Files.exists(root)) {
                visitor.problem(root, EngineMessages.scanPathMissing(root));
            } else if (Files.isDirectory(root)) {
                directory(root, visitor);
            } else if (Files.isRegularFile(root)) {
                try {
                    file(root, Files.size(root), visitor);
                } catch (IOException e) {
                    visitor.problem(root, EngineMessages.scanUnreadable(root, e));
                }
            }
        }
    }

    private void directory(Path directory, Visitor visitor) throws InterruptedException {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
            stream.forEach(entries::add);
        } catch (IOException e) {
            visitor.problem(directory, EngineMessages.scanUnlistable(directory, e));
            return;
        }
        entries.sort(null);
        for (Path entry : entries) {
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                visitor.problem(entry, EngineMessages.scanUnreadable(entry, e));
                continue;
            }
            if (attributes.isDirectory()) {
                directory(entry, visitor);
            } else if (attributes.isRegularFile()) {
                try {
                    file(entry, attributes.size(), visitor);
                } catch (IOException e) {
                    visitor.problem(entry, EngineMessages.scanUnreadable(entry, e));
                }
            }
        }
    }

    private void file(Path file, long size, Visitor visitor) throws IOException, InterruptedException {
        if (excluded.isEmpty() || !excluded.contains(file.toRealPath())) {
            visitor.file(file, size);
        }
    }
}
