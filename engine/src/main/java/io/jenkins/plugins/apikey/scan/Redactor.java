package io.jenkins.plugins.apikey.scan;

import io.jenkins.plugins.apikey.EngineMessages;
import io.jenkins.plugins.apikey.mask.MaskingOutputStream;
import io.jenkins.plugins.apikey.mask.Occurrence;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileOwnerAttributeView;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongUnaryOperator;
import java.util.zip.GZIPOutputStream;

/**
 * Rewrites a scanned file with every leak replaced by {@code ****}, as the masker would have
 * written it: overlapping and touching leaks become one {@code ****}, and the colour sequences,
 * console notes and wrapped Base64's line breaks inside a leak are kept after it; every other byte
 * is kept as it is. The new content is written to a temporary file in the same directory, given
 * the file's mode, owner and group, and renamed over the file, so that readers see the old file or
 * the new one, never a mix. A gzip file stays gzip; a symbolic link stays a link, and the file it
 * points to is redacted. A file that changed since it was scanned is left alone.
 */
public final class Redactor {

    private static final byte[] MASK = MaskingOutputStream.MASK.getBytes(StandardCharsets.US_ASCII);
    private static final int BUFFER = 64 * 1024;

    /** One range to replace, with the ranges inside it to keep. */
    private record Cut(long start, long end, List<Occurrence.Range> kept) {}

    private Redactor() {}

    /**
     * Redacts every leak of {@code report}; nothing happens to a file without leaks.
     *
     * @return how many ranges were replaced by {@code ****}
     * @throws RedactionException if the file changed since it was scanned, or could not be
     *     rewritten with its mode, owner and group; it is then unchanged
     */
    public static int redact(FileReport report) throws RedactionException {
        if (report.leaks().isEmpty()) {
            return 0;
        }
        Path file = report.file();
        List<Cut> cuts = cuts(report.leaks());
        Path temp = null;
        try {
            unchanged(report);
            // a link given by name is rewritten where it points: renaming over it would replace the link
            file = file.toRealPath();
            Path directory = file.getParent();
            if (directory == null) {
                throw new IOException("it is not in a directory");
            }
            temp = Files.createTempFile(directory, "." + file.getFileName() + ".", ".redacting");
            try (InputStream in = FileInput.open(file, report.gzip(), read -> {});
                    OutputStream out = output(temp, report.gzip())) {
                copy(in, out, cuts);
            }
            keepOwnerAndMode(file, temp);
            unchanged(report);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
            return cuts.size();
        } catch (RedactionException e) {
            throw e;
        } catch (EOFException e) {
            throw new RedactionException(EngineMessages.redactChanged(file), e);
        } catch (IOException e) {
            throw new RedactionException(EngineMessages.redactFailed(file, e), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // the temporary file holds the redacted content only, never a key
                }
            }
        }
    }

    /**
     * Where each byte offset of a file lands once {@code leaks} are redacted, for side files that
     * point into it by offset (such as a Pipeline log's {@code log-index}). An offset inside a
     * replaced range lands just after its {@code ****}.
     */
    public static LongUnaryOperator offsets(List<Leak> leaks) {
        List<Cut> cuts = cuts(leaks);
        return offset -> {
            long shift = 0;
            for (Cut cut : cuts) {
                if (offset < cut.end()) {
                    return offset <= cut.start() ? offset + shift : cut.start() + shift + MASK.length;
                }
                shift += written(cut) - (cut.end() - cut.start());
            }
            return offset + shift;
        };
    }

    /** How many bytes a cut becomes: the mask and the ranges it keeps. */
    private static long written(Cut cut) {
        long kept = 0;
        for (Occurrence.Range range : cut.kept()) {
            kept += range.end() - range.start();
        }
        return MASK.length + kept;
    }

    /** The leaks as ranges to cut: overlapping or touching ones joined, in order. */
    private static List<Cut> cuts(List<Leak> leaks) {
        List<Leak> sorted = new ArrayList<>(leaks);
        sorted.sort(Comparator.comparingLong(Leak::offset));
        List<Cut> cuts = new ArrayList<>();
        for (Leak leak : sorted) {
            Cut last = cuts.isEmpty() ? null : cuts.get(cuts.size() - 1);
            if (last != null && leak.offset() <= last.end()) {
                List<Occurrence.Range> kept = new ArrayList<>(last.kept());
                leak.kept().stream().filter(range -> !kept.contains(range)).forEach(kept::add);
                kept.sort(Comparator.comparingLong(Occurrence.Range::start));
                cuts.set(cuts.size() - 1, new Cut(last.start(), Math.max(last.end(), leak.end()), kept));
            } else {
                cuts.add(new Cut(leak.offset(), leak.end(), leak.kept()));
            }
        }
        return cuts;
    }

    private static void copy(InputStream in, OutputStream out, List<Cut> cuts) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long at = 0;
        for (Cut cut : cuts) {
            transfer(in, out, cut.start() - at, buffer);
            out.write(MASK);
            at = cut.start();
            for (Occurrence.Range kept : cut.kept()) {
                transfer(in, null, kept.start() - at, buffer);
                transfer(in, out, kept.end() - kept.start(), buffer);
                at = kept.end();
            }
            transfer(in, null, cut.end() - at, buffer);
            at = cut.end();
        }
        in.transferTo(out);
    }

    /** Moves exactly {@code count} bytes from {@code in} to {@code out}, or drops them when it is null. */
    private static void transfer(InputStream in, OutputStream out, long count, byte[] buffer) throws IOException {
        while (count > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, count));
            if (n < 0) {
                throw new EOFException("The file is shorter than when it was scanned.");
            }
            if (out != null) {
                out.write(buffer, 0, n);
            }
            count -= n;
        }
    }

    private static OutputStream output(Path temp, boolean gzip) throws IOException {
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), BUFFER);
        return gzip ? new GZIPOutputStream(out, BUFFER) : out;
    }

    /** Fails unless the file has the size and modification time it had when it was scanned. */
    private static void unchanged(FileReport report) throws IOException {
        BasicFileAttributes now = Files.readAttributes(report.file(), BasicFileAttributes.class);
        if (now.size() != report.size() || !now.lastModifiedTime().equals(report.modified())) {
            throw new RedactionException(EngineMessages.redactChanged(report.file()), null);
        }
    }

    /** Gives {@code temp} the owner, group and mode of {@code file}. */
    private static void keepOwnerAndMode(Path file, Path temp) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix == null) {
            FileOwnerAttributeView owner = Files.getFileAttributeView(file, FileOwnerAttributeView.class);
            if (owner != null) {
                setOwner(file, Files.getFileAttributeView(temp, FileOwnerAttributeView.class), owner.getOwner());
            }
            return;
        }
        PosixFileAttributes wanted = posix.readAttributes();
        PosixFileAttributeView target = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
        PosixFileAttributes has = target.readAttributes();
        try {
            if (!has.group().equals(wanted.group())) {
                target.setGroup(wanted.group());
            }
        } catch (IOException e) {
            throw new RedactionException(EngineMessages.redactOwner(file, e), e);
        }
        if (!has.owner().equals(wanted.owner())) {
            setOwner(file, target, wanted.owner());
        }
        // after the owner, which may clear set-user-id and set-group-id bits
        target.setPermissions(wanted.permissions());
    }

    private static void setOwner(Path file, FileOwnerAttributeView target, UserPrincipal owner) throws IOException {
        try {
            if (!target.getOwner().equals(owner)) {
                target.setOwner(owner);
            }
        } catch (IOException e) {
            throw new RedactionException(EngineMessages.redactOwner(file, e), e);
        }
    }
}
