package io.jenkins.plugins.apikey.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Hands SIGINT and SIGTERM sent to {@code run} on to the command instead of letting them end
 * {@code run}, so that the command can stop cleanly and {@code run} can still delete the key files
 * and report the command's status. Installed before the command starts, so that a signal arriving
 * meanwhile is held and delivered as soon as it exists. POSIX only; elsewhere it does nothing.
 */
final class SignalForwarder implements AutoCloseable {

    private static final List<String> SIGNALS = List.of("INT", "TERM");

    private final List<Signal> installed = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();
    private final List<String> pending = new ArrayList<>();
    private Process child;

    SignalForwarder() {
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            return;
        }
        for (String name : SIGNALS) {
            try {
                Signal signal = new Signal(name);
                previous.add(Signal.handle(signal, received -> received(name)));
                installed.add(signal);
            } catch (IllegalArgumentException e) {
                // the JVM keeps this signal for itself (for example with -Xrs)
            }
        }
    }

    /** From now on, signals go to {@code process}; any that came before are sent now. */
    synchronized void attach(Process process) {
        child = process;
        pending.forEach(this::forward);
        pending.clear();
    }

    private synchronized void received(String name) {
        if (child == null) {
            pending.add(name);
        } else {
            forward(name);
        }
    }

    private void forward(String name) {
        if (!child.isAlive()) {
            return;
        }
        try {
            new ProcessBuilder("kill", "-" + name, Long.toString(child.pid()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            child.destroy();
        }
    }

    @Override
    public void close() {
        for (int i = 0; i < installed.size(); i++) {
            Signal.handle(installed.get(i), previous.get(i));
        }
    }
}
