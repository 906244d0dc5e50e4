package io.jenkins.plugins.apikey.scan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyRegistryTest {

    @Test
    void numbersKeysFromOneInTheOrderFirstFoundAndTheSameKeyAlike() {
        KeyRegistry keys = new KeyRegistry(null);
        assertThat(keys.number("first-key-0123456789")).isEqualTo(1);
        assertThat(keys.number("second-key-0123456789")).isEqualTo(2);
        assertThat(keys.number("first-key-0123456789")).isEqualTo(1);
        assertThat(keys.verifies()).isFalse();
    }

    @Test
    void eachRegistryNumbersTheKeysItFinds() {
        KeyRegistry one = new KeyRegistry(null);
        KeyRegistry other = new KeyRegistry(null);
        one.number("a-key-0123456789");
        assertThat(one.number("b-key-0123456789")).isEqualTo(2);
        assertThat(other.number("b-key-0123456789")).isEqualTo(1);
    }
}
