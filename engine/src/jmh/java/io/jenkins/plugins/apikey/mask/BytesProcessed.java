package io.jenkins.plugins.apikey.mask;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Bytes a benchmark processed, which JMH reports as a rate beside the operations. */
@AuxCounters(AuxCounters.Type.OPERATIONS)
@State(Scope.Thread)
public class BytesProcessed {
    public long bytes;

    @Setup(Level.Iteration)
    public void reset() {
        bytes = 0;
    }
}
