package io.jenkins.plugins.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import groovy.lang.GroovyShell;
import hudson.Functions;
import hudson.model.FreeStyleProject;
import hudson.model.Run;
import io.jenkins.plugins.casc.ConfigurationAsCode;
import java.nio.file.Path;
import java.util.List;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The demo that {@code mvn hpi:run} loads (demo/) works: its jobs pass and print only masked keys. */
@WithJenkins
class DemoTest {

    private static final List<String> DEMO_SECRETS = List.of(
            "3f2b8c1e-7d4a-4b9e-a1c2-5e6f7a8b1d07",
            "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
            "Zq8yXv3LmN0pR7sT2uWb5cD9eF1gH6jK",
            "5e8f0a7c9b1d3e2f4a6c8b0d1e3f5a7c9b2d4e6f8a0c1b3d5e7f9a2c4b6d8e0f");

    @Test
    void demoJobsPassAndShowOnlyMaskedKeys(JenkinsRule j) throws Exception {
        assumeFalse(Functions.isWindows(), "the demo jobs use sh");
        ConfigurationAsCode.get()
                .configure(Path.of("demo", "jenkins.yaml").toAbsolutePath().toString());
        new GroovyShell(j.jenkins.getPluginManager().uberClassLoader)
                .evaluate(Path.of("demo", "init.groovy.d", "demo-jobs.groovy").toFile());

        Run<?, ?> pipeline = j.buildAndAssertSuccess(j.jenkins.getItemByFullName("demo-pipeline", WorkflowJob.class));
        Run<?, ?> freestyle =
                j.buildAndAssertSuccess(j.jenkins.getItemByFullName("demo-freestyle", FreeStyleProject.class));

        j.assertLogContains("basic auth:  Authorization: Basic ****", pipeline);
        j.assertLogContains("xray:        client 0123456789ABCDEF0123456789ABCDEF secret ****", pipeline);
        j.assertLogContains("key file:  ****", freestyle);
        for (Run<?, ?> run : List.of(pipeline, freestyle)) {
            String log = JenkinsRule.getLog(run);
            for (String secret : DEMO_SECRETS) {
                assertThat(log).doesNotContain(secret);
            }
        }
    }
}
