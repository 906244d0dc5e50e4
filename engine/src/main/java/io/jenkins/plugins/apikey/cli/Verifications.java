package io.jenkins.plugins.apikey.cli;

import io.jenkins.plugins.apikey.bind.BindingRequest;
import io.jenkins.plugins.apikey.preset.KeyMaterial;
import io.jenkins.plugins.apikey.preset.ServicePreset;
import io.jenkins.plugins.apikey.preset.ServicePresets;
import io.jenkins.plugins.apikey.verify.KeyVerifier;
import io.jenkins.plugins.apikey.verify.Verdict;
import io.jenkins.plugins.apikey.verify.Verification;
import java.io.PrintStream;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/** What {@code verify} and {@code run --verify} share: where a key is verified, and how that is reported. */
final class Verifications {

    private Verifications() {}

    /** Verifies a key at its preset's own server, or an Xray Cloud key at {@code xrayUrl} when given. */
    static Verification verify(KeyVerifier verifier, ServicePreset preset, KeyMaterial material, URI xrayUrl)
            throws InterruptedException {
        return verifier.verify(preset, material, preset == ServicePresets.XRAY_CLOUD ? xrayUrl : null);
    }

    /**
     * One line for a verified key: name, preset, hint, verdict, HTTP status and milliseconds, with
     * {@code -} for no hint or no answer, such as {@code ke katalon …1d07 valid 200 312ms}.
     */
    static String line(String name, ServicePreset preset, KeyMaterial material, Verification verification) {
        String hint = preset.hint(material);
        return name + " " + preset.id() + " " + (hint.isEmpty() ? "-" : hint) + " "
                + verification.verdict().name().toLowerCase(Locale.ROOT) + " "
                + (verification.status() == 0 ? "-" : String.valueOf(verification.status())) + " "
                + verification.elapsed().toMillis() + "ms";
    }

    /**
     * {@code run --verify}: verifies every key before the command starts; a rejected key stops run
     * with status 65, a key that could not be checked gets a warning.
     */
    static void beforeRun(List<BindingRequest> requests, URI xrayUrl, KeyVerifier verifier, PrintStream messages)
            throws RunFailure, InterruptedException {
        for (BindingRequest request : requests) {
            Verification verification = verify(verifier, request.preset(), request.material(), xrayUrl);
            messages.println("run: verification: "
                    + line(request.label().name(), request.preset(), request.material(), verification));
            if (verification.verdict() == Verdict.REJECTED) {
                throw new RunFailure(
                        RunFailure.INVALID_KEY,
                        request.label().sentenceStart() + " was rejected, so the command was not started: "
                                + verification.message());
            }
            if (verification.verdict() == Verdict.UNKNOWN) {
                messages.println("run: warning: " + request.label().sentenceStart() + " could not be verified: "
                        + verification.message());
            }
        }
    }
}
