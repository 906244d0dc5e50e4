package io.jenkins.plugins.apikey;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class ThreadFailureTest {

    @Test
    void nothingFailedThrowsNothing() {
        assertThatCode(() -> ThreadFailure.rethrow(null)).doesNotThrowAnyException();
    }

    @Test
    void eachKindIsThrownAsItself() {
        for (Throwable failure :
                new Throwable[] {new IOException("read"), new IllegalStateException("bug"), new OutOfMemoryError("heap")
                }) {
            assertThatThrownBy(() -> ThreadFailure.rethrow(failure)).isSameAs(failure);
        }
    }
}
