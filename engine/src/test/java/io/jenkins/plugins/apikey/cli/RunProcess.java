package io.jenkins.plugins.apikey.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code api-keys} in a JVM of its own, as users start it, with its output collected as it comes;
 * every wait is bounded, and {@link #close()} kills whatever is left of it. Signals that this test
 * JVM inherited as ignored (it was started in the background, or under nohup) are reset to their
 * defaults through {@code perl}, because an ignored signal stays ignored in every child.
 */
final class RunProcess implements AutoCloseable {

    /** Generous for a loaded 2-core machine; a passing test waits only as long as it must. */
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** The signals the tests send: those run forwards, QUIT, and USR1 that stands for QUIT. */
    private static final List<String> TESTED = List.of("INT", "TERM", "HUP", "QUIT", "USR1");

    private final Process process;
    private final Collector stdout;
    private final Collector stderr;

    private RunProcess(Process process) {
        this.process = process;
        this.stdout = new Collector(process.getInputStream());
        this.stderr = new Collector(process.getErrorStream());
    }

    /** Starts {@code api-keys args} with {@code env} added to this JVM's environment ({@code null} removes). */
    static RunProcess start(Map<String, String> env, List<String> args) throws IOException {
        return start(env, args, null);
    }

    /**
     * As {@link #start(Map, List)}, with api-keys' standard output piped into the shell command
     * {@code pipe} (such as {@code head -n 1}) when it is given; the exit status is then the
     * pipeline's, and {@link #stdout()} the pipe's output.
     */
    static RunProcess start(Map<String, String> env, List<String> args, String pipe) throws IOException {
        List<String> command = new ArrayList<>();
        if (pipe != null) {
            command.addAll(List.of("/bin/sh", "-c", "\"$@\" | " + pipe, "sh"));
        }
        List<String> reset = ignoredSignals();
        if (!reset.isEmpty()) {
            command.addAll(List.of(
                    "perl",
                    "-e",
                    "$SIG{$_} = 'DEFAULT' for qw(" + String.join(" ", reset) + ");" + " exec @ARGV or die"));
        }
        command.addAll(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        env.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        return new RunProcess(builder.start());
    }

    /**
     * Starts {@code api-keys args} through the distribution's {@code launcher}, with {@code env}
     * added, as the leader of a process group of its own (so that {@link #signalGroup} reaches what
     * a terminal's Ctrl-C would), with the signals in {@code ignored} ignored and all others that
     * run forwards at their defaults.
     */
    static RunProcess startWithLauncher(Path launcher, Map<String, String> env, List<String> ignored, List<String> args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                "perl",
                "-e",
                "setpgrp(0, 0) or die; $SIG{$_} = 'DEFAULT' for qw(" + String.join(" ", TESTED) + "); $SIG{$_} ="
                        + " 'IGNORE' for qw(" + String.join(" ", ignored) + "); exec @ARGV or die",
                "/bin/sh",
                launcher.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        return new RunProcess(builder.start());
    }

    /** The signals the tests send that this JVM ignores (and so would pass on as ignored), by name. */
    static List<String> ignoredSignals() {
        long mask = signalMask("SigIgn");
        List<String> ignored = new ArrayList<>();
        for (String name : TESTED) {
            if ((mask & (1L << (SignalForwarder.number(name) - 1))) != 0) {
                ignored.add(name);
            }
        }
        return ignored;
    }

    /** Why a signal test cannot run here, if it cannot: an ignored signal and no perl to reset it. */
    static Optional<String> signalTestObstacle(String signal) {
        if (ignoredSignals().contains(signal)
                && CommandPath.find("perl", System.getenv("PATH")).isEmpty()) {
            return Optional.of("SIG" + signal + " is ignored in this test JVM (it was started in the background or"
                    + " under nohup), every child inherits that, and there is no perl to reset it");
        }
        return Optional.empty();
    }

    private static long signalMask(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseUnsignedLong(
                            line.substring(field.length() + 1).strip(), 16);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // no /proc: assume nothing is ignored
        }
        return 0;
    }

    long pid() {
        return process.pid();
    }

    /** Sends {@code signal} to the run process itself (not its command). */
    void signal(String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid())).start();
        if (!kill.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("kill did not finish");
        }
    }

    /** Sends {@code signal} to run's whole process group, as a terminal does on Ctrl-C. */
    void signalGroup(String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, "--", "-" + pid()).start();
        if (!kill.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new AssertionError("kill -" + signal + " -- -" + pid() + " failed");
        }
    }

    /** Writes {@code text} as UTF-8 to standard input and closes it. */
    void input(String text) throws IOException {
        try (var in = process.getOutputStream()) {
            in.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Waits for a line of standard output that matches; fails after {@link #TIMEOUT}. */
    String awaitLine(Predicate<String> matching) throws InterruptedException {
        return stdout.awaitLine(matching);
    }

    /** Waits for the exit; the status. Fails after {@link #TIMEOUT}. */
    int waitFor() throws InterruptedException {
        if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("api-keys did not exit within " + TIMEOUT.toSeconds() + " s; stderr: " + stderr());
        }
        stdout.join(TIMEOUT.toMillis());
        stderr.join(TIMEOUT.toMillis());
        return process.exitValue();
    }

    /** Kills run with KILL, as a crashed agent would; returns when it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    String stdout() {
        return stdout.text();
    }

    String stderr() {
        return stderr.text();
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Reads a stream on a thread of its own, into memory. */
    private static final class Collector extends Thread {
        private final InputStream in;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Collector(InputStream in) {
            this.in = in;
            setDaemon(true);
            start();
        }

        @Override
        public void run() {
            byte[] buffer = new byte[8192];
            try {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    synchronized (this) {
                        bytes.write(buffer, 0, read);
                        notifyAll();
                    }
                }
            } catch (IOException e) {
                // the process is gone
            }
            synchronized (this) {
                notifyAll();
            }
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }

        synchronized String awaitLine(Predicate<String> matching) throws InterruptedException {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (true) {
                Optional<String> line = text().lines().filter(matching).findFirst();
                if (line.isPresent()) {
                    return line.get();
                }
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0 || !isAlive()) {
                    throw new AssertionError("no such line in time; output so far: " + text());
                }
                wait(Math.min(left, 100));
            }
        }
    }
}
