package io.jenkins.plugins.apikey.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;

/** Short, readable reasons for input and output failures, for messages that name the fix. */
final class Reasons {

    private Reasons() {}

    /** Such as "permission denied" or "no space left on device"; never a file's content. */
    static String of(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(Locale.ROOT);
        }
        return e.getMessage() == null
                ? e.getClass().getSimpleName()
                : e.getMessage().toLowerCase(Locale.ROOT);
    }
}
