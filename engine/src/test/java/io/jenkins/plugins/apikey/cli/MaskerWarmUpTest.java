package io.jenkins.plugins.apikey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The masker's warm-up: a daemon thread that ends on its own, without failing. */
class MaskerWarmUpTest {

    @Test
    void runsOnADaemonThreadThatEndsWithoutFailing() throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> failure.set(e));
        try {
            Thread thread = MaskerWarmUp.start();

            assertThat(thread.isDaemon()).isTrue();
            thread.join(60_000);
            assertThat(thread.isAlive()).isFalse();
            assertThat(failure.get()).isNull();
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
    }
}
