package io.jenkins.plugins.apikey.log;

import static io.jenkins.plugins.apikey.TestKeys.KATALON_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import hudson.AbortException;
import hudson.model.Run;
import io.jenkins.plugins.apikey.mask.SecretMatcher;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class MaskingLogFilterTest {

    /**
     * Remoting ships the filter to the agent that writes the log by Java serialization, over its
     * encrypted channel; the agent must be able to mask with it. (That no form of a key reaches a
     * file is checked by WithApiKeyRestartTest.)
     */
    @Test
    void filterMasksOnTheOtherSideOfAJavaSerializationTrip(JenkinsRule j) throws Exception {
        MaskingLogFilter filter = new MaskingLogFilter(List.of(KATALON_KEY));
        filter.matcher();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(filter);
        }

        MaskingLogFilter copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (MaskingLogFilter) in.readObject();
        }
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        OutputStream masked = copy.decorateLogger((Run<?, ?>) null, log);
        masked.write(("key " + KATALON_KEY + "\n").getBytes(StandardCharsets.UTF_8));

        assertThat(log.toString(StandardCharsets.UTF_8))
                .as("passed on without a flush or close, as Pipeline never closes a step's log")
                .isEqualTo("key ****\n");
    }

    @Test
    void failuresShowingASecretAreMaskedAndOthersKept(JenkinsRule j) {
        SecretMatcher matcher = SecretMatcher.compile(List.of(KATALON_KEY));
        IllegalStateException plain = new IllegalStateException("nothing secret");
        IllegalStateException leaking =
                new IllegalStateException("wrapper", new IllegalArgumentException("bad key " + KATALON_KEY));

        assertThat(MaskedFailure.of(plain, matcher)).isSameAs(plain);
        Throwable masked = MaskedFailure.of(leaking, matcher);
        assertThat(masked.getMessage()).isEqualTo("java.lang.IllegalStateException: wrapper");
        assertThat(masked.getCause().getMessage()).isEqualTo("java.lang.IllegalArgumentException: bad key ****");
        assertThat(masked.getStackTrace()).isEqualTo(leaking.getStackTrace());
        Throwable abort = MaskedFailure.of(new AbortException("rejected " + KATALON_KEY), matcher);
        assertThat(abort).isInstanceOf(AbortException.class).hasMessage("rejected ****");
    }

    @Test
    void suppressedFailuresShowingASecretAreMaskedToo(JenkinsRule j) {
        SecretMatcher matcher = SecretMatcher.compile(List.of(KATALON_KEY));
        IllegalStateException failure = new IllegalStateException("upload failed");
        failure.addSuppressed(new IllegalArgumentException("cleanup saw " + KATALON_KEY));

        Throwable masked = MaskedFailure.of(failure, matcher);

        assertThat(masked.getMessage()).isEqualTo("java.lang.IllegalStateException: upload failed");
        assertThat(masked.getSuppressed())
                .singleElement()
                .extracting(Throwable::getMessage)
                .isEqualTo("java.lang.IllegalArgumentException: cleanup saw ****");
    }
}
