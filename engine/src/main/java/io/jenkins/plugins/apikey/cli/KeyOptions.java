package io.jenkins.plugins.apikey.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options that give keys, shared by {@code run} and {@code verify}; {@link KeyInputs} reads them. */
final class KeyOptions {

    @Option(
            names = "--key",
            paramLabel = "NAME=SOURCE",
            description = {
                "A key, from env:VAR (an environment variable), file:PATH (the file's content, one final line end"
                        + " dropped) or stdin (the first line of standard input; for run, the rest goes to the"
                        + " command). NAME is your name for the key in the other options.",
                "Example: --key ke=env:KATALON_API_KEY"
            })
    List<String> keys = new ArrayList<>();

    @Option(
            names = "--preset",
            paramLabel = "NAME=PRESET",
            description = {
                "katalon, katalon-onprem, xray, katalo or generic (the default): the key's service, which says"
                        + " how the key is checked, bound, masked and verified, as in the plugin.",
                "Example: --preset ke=katalon"
            })
    List<String> presets = new ArrayList<>();

    @Option(
            names = "--client-id",
            paramLabel = "NAME=SOURCE",
            description = {
                "xray: the client id, from env:, file:, stdin or value:ID.",
                "Example: --client-id x=value:0A1B..."
            })
    List<String> clientIds = new ArrayList<>();

    @Option(
            names = "--server-url",
            paramLabel = "NAME=URL",
            description = {"katalon-onprem: the TestOps server.", "Example: --server-url ke=https://testops.example.com"
            })
    List<String> serverUrls = new ArrayList<>();

    @Option(
            names = "--xray-url",
            paramLabel = "URL",
            description = {
                "The Xray Cloud base URL for xray keys; /api/v1/authenticate is added.",
                "Example: --xray-url https://eu.xray.cloud.getxray.app"
            })
    String xrayUrl;

    @Option(
            names = "--xray-region",
            paramLabel = "REGION",
            completionCandidates = CompletionValues.XrayRegions.class,
            description = {
                "The Xray Cloud region for xray keys: GLOBAL (default), US, EU or AU.",
                "Example: --xray-region EU"
            })
    String xrayRegion;
}
