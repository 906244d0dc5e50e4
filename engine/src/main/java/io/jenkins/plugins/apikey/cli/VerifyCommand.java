package io.jenkins.plugins.apikey.cli;

import io.jenkins.plugins.apikey.preset.ServicePresets;
import io.jenkins.plugins.apikey.verify.KeyVerifier;
import io.jenkins.plugins.apikey.verify.Verdict;
import io.jenkins.plugins.apikey.verify.Verification;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code verify}: asks each key's service whether the key works, one request per key. */
@Command(
        name = "verify",
        header = "Ask each key's service whether the key works.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        synopsisHeading = "Usage: ",
        customSynopsis = "api-keys verify --key NAME=SOURCE [--preset NAME=PRESET] [OPTIONS]",
        description = {
            "",
            "Sends each key to its service once, as the service's own tools do, and prints one line per key on"
                    + " standard output: name, preset, hint, verdict (valid, rejected or unknown), HTTP status and"
                    + " time, with - for no hint or no answer. Why a key was rejected or could not be checked goes to"
                    + " standard error. No retries, no redirects followed, 5 seconds at most per key; the token a"
                    + " service answers with is dropped at once.",
            "",
            "katalon: POST https://testops.katalon.io/oauth/token; katalon-onprem: the same at --server-url;"
                    + " xray: POST /api/v1/authenticate at --xray-url or --xray-region (default GLOBAL). katalo and"
                    + " generic keys have no verifier: they are reported unknown, and nothing is sent.",
            "",
            "Options:"
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "   0:every key is valid",
            "   1:a service rejected a key",
            "   2:no key was rejected, but one could not be checked (no verifier, network, time-out, 429, 5xx)",
            "  64:bad options or an unknown preset",
            "  65:a key fails its preset's checks; nothing was sent",
            "  66:a key source is missing or empty"
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  api-keys verify --key ke=env:KATALON_API_KEY --preset ke=katalon \\",
            "      --key x=env:XRAY_CLIENT_SECRET --preset x=xray \\",
            "      --client-id x=env:XRAY_CLIENT_ID --xray-region EU",
            "  ke katalon …1d07 valid 200 312ms",
            "  x xray …CDEF rejected 401 95ms"
        })
final class VerifyCommand implements Callable<Integer> {

    /** Exit status when a service rejected a key. */
    static final int REJECTED = 1;
    /** Exit status when a key could not be checked and none was rejected. */
    static final int UNCHECKED = 2;

    @Mixin
    KeyOptions options;

    private final Stdio stdio;
    private final Environment env;

    VerifyCommand(Stdio stdio, Environment env) {
        this.stdio = stdio;
        this.env = env;
    }

    @Override
    public Integer call() {
        try {
            return verify();
        } catch (RunFailure e) {
            stdio.messages().println("verify: " + e.getMessage());
            return e.status();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stdio.messages().println("verify: interrupted while waiting for an answer.");
            return RunFailure.SOFTWARE;
        }
    }

    private int verify() throws RunFailure, InterruptedException {
        KeyInputs inputs = KeyInputs.parse(
                options, "No keys given. Give at least one --key NAME=env:VAR, NAME=file:PATH or NAME=stdin.");
        URI xrayUrl = KeyInputs.xrayUrl(options);
        List<String> warnings = new ArrayList<>();
        List<KeyInputs.KeyInput> keys = inputs.read(env, stdio.in(), warnings);
        if (xrayUrl != null && keys.stream().noneMatch(key -> key.preset() == ServicePresets.XRAY_CLOUD)) {
            throw new RunFailure(RunFailure.USAGE, "--xray-url and --xray-region apply only to xray keys.");
        }
        warnings.forEach(warning -> stdio.messages().println("verify: warning: " + warning));
        PrintStream out = new PrintStream(stdio.out(), true, StandardCharsets.UTF_8);
        KeyVerifier verifier = new KeyVerifier(HttpClient.newBuilder(), KeyVerifier.DEFAULT_TIMEOUT);
        int status = 0;
        for (KeyInputs.KeyInput key : keys) {
            Verification verification = Verifications.verify(verifier, key.preset(), key.material(), xrayUrl);
            out.println(Verifications.line(key.label().name(), key.preset(), key.material(), verification));
            if (verification.verdict() == Verdict.REJECTED) {
                stdio.messages()
                        .println("verify: Key '" + key.label().name() + "' was rejected: " + verification.message());
                status = REJECTED;
            } else if (verification.verdict() == Verdict.UNKNOWN) {
                stdio.messages()
                        .println("verify: Key '" + key.label().name() + "' could not be verified: "
                                + verification.message());
                status = status == REJECTED ? REJECTED : UNCHECKED;
            }
        }
        return status;
    }
}
