package io.jenkins.plugins.apikey.mask;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The memory of a masking stream does not grow with console notes: 200 MB of them in a 32 MiB heap. */
class NotesMemoryTest {

    @Test
    void twoHundredMegabytesOfNotesPassInASmallHeap() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process flood = new ProcessBuilder(
                        java, "-Xmx32m", "-cp", System.getProperty("java.class.path"), NotesFlood.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(new File(System.getProperty("java.io.tmpdir"), "notes-flood.log"))
                .start();

        assertThat(flood.waitFor(5, TimeUnit.MINUTES)).as("finished").isTrue();
        assertThat(flood.exitValue())
                .as("exit status (see notes-flood.log in the temp directory)")
                .isZero();
    }
}
