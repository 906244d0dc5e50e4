package io.jenkins.plugins.apikey.mask;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of masking a build log, side by side with a plain buffered copy (the limit) and with
 * the approach of credentials-binding: {@code Pattern.quote} of every form joined with {@code |},
 * applied line by line, with console notes kept (the plugin's mode) and not (the command line's
 * default). Each operation writes the next 64 KiB of an 8 MiB log in 8 KiB writes;
 * the {@code bytes} counter gives bytes per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@State(Scope.Thread)
public class MaskBenchmark {

    private static final int LOG_SIZE = 8 << 20;
    private static final int SLICE = 64 << 10;
    private static final int WRITE = 8 << 10;

    @Param({"1", "10", "100", "1000"})
    public int secrets;

    /** True as the plugin masks build logs; false as {@code api-keys mask} does by default. */
    @Param({"true", "false"})
    public boolean consoleNotes;

    private byte[] log;
    private int offset;
    private OutputStream copy;
    private OutputStream masking;
    private Pattern regex;

    @Setup(Level.Trial)
    public void setUp() {
        List<String> keys = BuildLog.keys(secrets, 7);
        log = BuildLog.generate(LOG_SIZE, keys, 11);
        copy = new BufferedOutputStream(OutputStream.nullOutputStream(), SLICE);
        SecretMatcher matcher = SecretMatcher.compile(keys);
        masking = matcher.newStream(OutputStream.nullOutputStream(), consoleNotes);
        regex = Pattern.compile(keys.stream()
                .flatMap(key -> SecretForms.of(key).stream())
                .filter(form -> form.length() >= SecretMatcher.DEFAULT_MIN_LENGTH)
                .sorted((a, b) -> b.length() - a.length())
                .map(Pattern::quote)
                .collect(Collectors.joining("|")));
    }

    private int nextSlice() {
        int start = offset;
        offset = offset + 2 * SLICE > log.length ? 0 : offset + SLICE;
        return start;
    }

    @Benchmark
    public void copy(BytesProcessed counter) throws IOException {
        write(copy, counter);
    }

    @Benchmark
    public void masker(BytesProcessed counter) throws IOException {
        write(masking, counter);
    }

    @Benchmark
    public long regexPerLine(BytesProcessed counter) {
        int start = nextSlice();
        long written = 0;
        int lineStart = start;
        for (int i = start; i < start + SLICE; i++) {
            if (log[i] == '\n') {
                String line = new String(log, lineStart, i + 1 - lineStart, StandardCharsets.UTF_8);
                written += regex.matcher(line).replaceAll("****").getBytes(StandardCharsets.UTF_8).length;
                lineStart = i + 1;
            }
        }
        counter.bytes += lineStart - start;
        return written;
    }

    private void write(OutputStream out, BytesProcessed counter) throws IOException {
        int start = nextSlice();
        for (int at = start; at < start + SLICE; at += WRITE) {
            out.write(log, at, WRITE);
        }
        counter.bytes += SLICE;
    }
}
