package io.jenkins.plugins.apikey.scan;

import io.jenkins.plugins.apikey.mask.BuildLog;
import io.jenkins.plugins.apikey.mask.BytesProcessed;
import io.jenkins.plugins.apikey.preset.KeyMaterial;
import io.jenkins.plugins.apikey.preset.ServicePresets;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of scanning a build log file (the bytes are in the page cache after the first
 * read) with known keys and every preset's shapes, side by side with reading the same file in the
 * same 64 KiB pieces (the limit). Each operation scans the whole 64 MiB file; the {@code bytes}
 * counter gives bytes per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 4)
@Measurement(iterations = 3, time = 4)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@State(Scope.Thread)
public class ScanBenchmark {

    private static final int LOG_SIZE = 64 << 20;

    @Param({"1", "100"})
    public int secrets;

    private Path file;
    private LeakScanner scanner;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        List<String> keys = BuildLog.keys(secrets, 7);
        file = Files.createTempFile("scan-benchmark", ".log");
        Files.write(file, BuildLog.generate(LOG_SIZE, keys, 11));
        scanner = new LeakScanner(
                keys.stream()
                        .map(key -> new KnownKey("KEY", ServicePresets.GENERIC, KeyMaterial.of(key)))
                        .toList(),
                ServicePresets.all());
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(file);
    }

    @Benchmark
    public long read(BytesProcessed counter) throws IOException {
        byte[] buffer = new byte[64 << 10];
        long sum = 0;
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                sum += n + buffer[n - 1];
            }
        }
        counter.bytes += LOG_SIZE;
        return sum;
    }

    @Benchmark
    public int scan(BytesProcessed counter) throws IOException, InterruptedException {
        int found =
                scanner.scan(file, new KeyRegistry(null), read -> {}).leaks().size();
        counter.bytes += LOG_SIZE;
        return found;
    }
}
