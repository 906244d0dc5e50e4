package io.jenkins.plugins.apikey.testing;

import java.security.SecureRandom;
import java.util.Random;

/**
 * Runs a property over many generated cases. Each run starts from a fresh random seed, so runs
 * explore new cases; a failure names the seed and the case, and {@code -Dproperty.seed=N}
 * replays exactly that run.
 */
public final class PropertyCheck {

    /** A property: passes by returning, fails by throwing. */
    @FunctionalInterface
    public interface Check<T> {
        void verify(T value) throws Exception;
    }

    private PropertyCheck() {}

    /** Checks {@code property} on {@code tries} values of {@code gen}. */
    public static <T> void forAll(int tries, Gen<T> gen, Check<? super T> property) {
        long seed = Long.getLong("property.seed", new SecureRandom().nextLong());
        Random seeds = new Random(seed);
        for (int i = 0; i < tries; i++) {
            T value = gen.next(new Random(seeds.nextLong()));
            try {
                property.verify(value);
            } catch (Throwable failure) {
                throw new AssertionError(
                        "Property failed on case " + (i + 1) + " of " + tries + "; replay with -Dproperty.seed=" + seed
                                + "\ncase: " + value,
                        failure);
            }
        }
    }
}
