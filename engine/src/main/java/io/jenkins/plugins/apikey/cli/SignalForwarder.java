package io.jenkins.plugins.apikey.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Takes INT, TERM and HUP sent to {@code run} and hands them to a consumer (which passes them on
 * to the command's process group) instead of letting them end {@code run}, so that {@code run}
 * can still delete the key files and report the command's status. A signal that was ignored when
 * {@code run} started stays ignored, as POSIX asks of background jobs. QUIT cannot be taken, the
 * JVM keeps it for thread dumps: the {@code api-keys} launcher takes it in front of the JVM and
 * sends USR1 instead, which the consumer gets as QUIT.
 */
final class SignalForwarder implements AutoCloseable {

    /** The signals forwarded, with their numbers for the exit status 128 + number. */
    static final List<String> SIGNALS = List.of("INT", "TERM", "HUP");

    /** The signal that stands for QUIT, which the launcher relays as this one. */
    static final String QUIT_RELAY = "USR1";

    private final List<Signal> installed = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();

    /** Installs the handlers; each signal received goes to {@code receiver} with its name. */
    SignalForwarder(Consumer<String> receiver) {
        for (String name : SIGNALS) {
            install(name, name, receiver);
        }
        install(QUIT_RELAY, "QUIT", receiver);
    }

    private void install(String name, String meaning, Consumer<String> receiver) {
        try {
            Signal signal = new Signal(name);
            SignalHandler old = Signal.handle(signal, received -> receiver.accept(meaning));
            if (old == SignalHandler.SIG_IGN) {
                // ignored at start (a background job, nohup): keep it so
                Signal.handle(signal, old);
                return;
            }
            previous.add(old);
            installed.add(signal);
        } catch (IllegalArgumentException e) {
            // the JVM keeps this signal for itself (for example with -Xrs), or the OS has none
        }
    }

    /** The number of signal {@code name}, for the exit status 128 + number. */
    static int number(String name) {
        return new Signal(name).getNumber();
    }

    @Override
    public void close() {
        for (int i = 0; i < installed.size(); i++) {
            Signal.handle(installed.get(i), previous.get(i));
        }
    }
}
