package io.jenkins.plugins.apikey.manage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongUnaryOperator;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The {@code log-index} beside a Pipeline build's {@code log}: one line per change of step, the
 * byte offset in the log where it happens and the step's node id. When the log is redacted its
 * offsets move, and so must the index, or each step's own log would show the wrong bytes.
 */
@Restricted(NoExternalUse.class)
final class PipelineLogIndex {

    private PipelineLogIndex() {}

    /**
     * Rewrites the index of {@code log}, if it has one, with each offset moved by {@code offsets};
     * atomically, through a temporary file in the same directory.
     *
     * @throws IOException if the index could not be read or written; it is then unchanged
     */
    static void shift(Path log, LongUnaryOperator offsets) throws IOException {
        Path index = log.resolveSibling(log.getFileName() + "-index");
        if (!Files.isRegularFile(index)) {
            return;
        }
        List<String> moved = new ArrayList<>();
        for (String line : Files.readAllLines(index, StandardCharsets.UTF_8)) {
            int space = line.indexOf(' ');
            String offset = space < 0 ? line : line.substring(0, space);
            try {
                long shifted = offsets.applyAsLong(Long.parseLong(offset));
                moved.add(shifted + (space < 0 ? "" : line.substring(space)));
            } catch (NumberFormatException e) {
                throw new IOException("not an offset in " + index + ": " + offset, e);
            }
        }
        Path directory = index.toAbsolutePath().getParent();
        if (directory == null) {
            throw new IOException(index + " is not in a directory");
        }
        Path temp = Files.createTempFile(directory, ".log-index.", ".moving");
        try {
            Files.write(temp, moved, StandardCharsets.UTF_8);
            Files.move(temp, index, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
