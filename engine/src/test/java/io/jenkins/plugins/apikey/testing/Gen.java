package io.jenkins.plugins.apikey.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * A generator of random test values, driven by a seeded {@link Random} so that every case can be
 * generated again from its seed.
 */
@FunctionalInterface
public interface Gen<T> {

    /** The next value. */
    T next(Random random);

    /** Values of this generator transformed by {@code mapper}. */
    default <R> Gen<R> map(Function<? super T, ? extends R> mapper) {
        return random -> mapper.apply(next(random));
    }

    /** A generator chosen from each value of this one. */
    default <R> Gen<R> flatMap(Function<? super T, Gen<R>> mapper) {
        return random -> mapper.apply(next(random)).next(random);
    }

    /** Lists of {@code min} to {@code max} values of this generator. */
    default Gen<List<T>> list(int min, int max) {
        return random -> {
            int size = min + random.nextInt(max - min + 1);
            List<T> values = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                values.add(next(random));
            }
            return values;
        };
    }

    /** Strings made of {@code min} to {@code max} values of this generator, joined. */
    default Gen<String> joined(int min, int max) {
        return list(min, max).map(parts -> {
            StringBuilder out = new StringBuilder();
            parts.forEach(out::append);
            return out.toString();
        });
    }

    /** Whole numbers from {@code min} to {@code max}, inclusive. */
    static Gen<Integer> ints(int min, int max) {
        return random -> min + random.nextInt(max - min + 1);
    }

    /** True or false. */
    static Gen<Boolean> booleans() {
        return Random::nextBoolean;
    }

    /** One of {@code values}, each as likely. */
    @SafeVarargs
    static <T> Gen<T> oneOf(T... values) {
        return oneOf(List.of(values));
    }

    /** One of {@code values}, each as likely. */
    static <T> Gen<T> oneOf(List<T> values) {
        List<T> copy = List.copyOf(values);
        return random -> copy.get(random.nextInt(copy.size()));
    }

    /** A value of one of {@code gens}, chosen with the given weights. */
    static <T> Gen<T> weighted(int weightA, Gen<T> a, int weightB, Gen<T> b, int weightC, Gen<T> c) {
        int total = weightA + weightB + weightC;
        return random -> {
            int pick = random.nextInt(total);
            return (pick < weightA ? a : pick < weightA + weightB ? b : c).next(random);
        };
    }

    /** Byte arrays of {@code min} to {@code max} random bytes. */
    static Gen<byte[]> bytes(int min, int max) {
        return random -> {
            byte[] bytes = new byte[min + random.nextInt(max - min + 1)];
            random.nextBytes(bytes);
            return bytes;
        };
    }

    /**
     * Strings of {@code min} to {@code max} Unicode code points, mostly ASCII, some from the rest of
     * the Basic Multilingual Plane and some beyond it (surrogate pairs); never a lone surrogate.
     */
    static Gen<String> unicode(int min, int max) {
        return random -> {
            int length = min + random.nextInt(max - min + 1);
            StringBuilder out = new StringBuilder(length * 2);
            for (int i = 0; i < length; i++) {
                int kind = random.nextInt(10);
                int codePoint;
                if (kind < 6) {
                    codePoint = random.nextInt(0x80);
                } else if (kind < 9) {
                    do {
                        codePoint = 0x80 + random.nextInt(0x10000 - 0x80);
                    } while (Character.isSurrogate((char) codePoint));
                } else {
                    codePoint = 0x10000 + random.nextInt(0x10FFFF - 0x10000 + 1);
                }
                out.appendCodePoint(codePoint);
            }
            return out.toString();
        };
    }
}
