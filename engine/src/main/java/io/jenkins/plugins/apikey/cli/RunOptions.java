package io.jenkins.plugins.apikey.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options of {@code run}, as picocli fills them in; {@link KeyBindings} makes sense of them. */
final class RunOptions {

    @Mixin
    KeyOptions key = new KeyOptions();

    @Option(
            names = "--env-file",
            paramLabel = "PATH",
            description = {
                "A dotenv file: NAME=value lines (export, quotes, # comments allowed); each value is bound as NAME"
                        + " and masked. A value env:VAR or file:PATH is read from there. Repeatable.",
                "Example: --env-file ci.env"
            })
    List<Path> envFiles = new ArrayList<>();

    @Option(
            names = "--variable",
            paramLabel = "NAME=VAR",
            description = {"Bind the key as VAR instead of the preset's variable.", "Example: --variable ke=MY_KEY"})
    List<String> variables = new ArrayList<>();

    @Option(
            names = "--client-id-variable",
            paramLabel = "NAME=VAR",
            description = {
                "xray: bind the client id as VAR instead of XRAY_CLIENT_ID.",
                "Example: --client-id-variable x=ID"
            })
    List<String> clientIdVariables = new ArrayList<>();

    @Option(
            names = "--args-variable",
            paramLabel = "NAME=VAR",
            description = {
                "Bind the preset's console arguments as VAR instead of KATALON_ARGS, so that two Katalon keys can"
                        + " be bound at once.",
                "Example: --args-variable onprem=ONPREM_ARGS"
            })
    List<String> argsVariables = new ArrayList<>();

    @Option(
            names = "--key-file",
            paramLabel = "NAME[=VAR]",
            description = {
                "Also write the key to an owner-only file; its path goes in VAR (default: the key's variable +"
                        + " _FILE).",
                "Example: --key-file ke"
            })
    List<String> keyFiles = new ArrayList<>();

    @Option(
            names = "--agent-config",
            paramLabel = "NAME[=VAR]",
            description = {
                "Write a Katalon TestOps agent 'agentconfig' file for the key; its path goes in VAR (default"
                        + " KATALON_AGENT_CONFIG).",
                "Example: --agent-config agent"
            })
    List<String> agentConfigs = new ArrayList<>();

    @Option(
            names = "--agent-config-path",
            paramLabel = "PATH",
            description = {
                "Put the agentconfig at PATH (a link to the owner-only file, removed at the end), for agents that"
                        + " read ./agentconfig.",
                "Example: --agent-config-path ./agentconfig"
            })
    Path agentConfigPath;

    @Option(
            names = "--agent-organization",
            paramLabel = "ID",
            description = {"agentconfig: organizationId.", "Example: --agent-organization 42"})
    String agentOrganization;

    @Option(
            names = "--agent-name",
            paramLabel = "NAME",
            description = {"agentconfig: agentName.", "Example: --agent-name ci-linux-1"})
    String agentName;

    @Option(
            names = "--agent-email",
            paramLabel = "EMAIL",
            description = {"agentconfig: email.", "Example: --agent-email qa@example.com"})
    String agentEmail;

    @Option(
            names = "--agent-server-url",
            paramLabel = "URL",
            description = {
                "agentconfig: serverUrl (default: the key's --server-url, else TestOps cloud).",
                "Example: --agent-server-url https://testops.example.com"
            })
    String agentServerUrl;

    @Option(
            names = "--exchange-token",
            paramLabel = "NAME[=VAR]",
            description = {
                "xray: exchange the client id and secret for a token before the command starts, bound as VAR"
                        + " (default XRAY_TOKEN) and masked.",
                "Example: --exchange-token x"
            })
    List<String> exchangeTokens = new ArrayList<>();

    @Option(
            names = "--kill-after",
            paramLabel = "SECONDS",
            defaultValue = "10",
            description = {
                "After a signal, or once the command has exited, KILL what is left of its process group this"
                        + " many seconds after TERM (default ${DEFAULT-VALUE}).",
                "Example: --kill-after 30"
            })
    int killAfter;

    @Option(
            names = "--merge-output",
            description = {
                "Send the command's standard error into its standard output, in order, masked once.",
                "Example: api-keys run --merge-output --key ke=env:KATALON_API_KEY -- ./run-tests.sh"
            })
    boolean mergeOutput;

    @Option(
            names = "--no-masking",
            description = {
                "Bind the keys, but pass the output through untouched (for interactive tools); warns.",
                "Example: api-keys run --no-masking --key ke=env:KATALON_API_KEY -- bash"
            })
    boolean noMasking;

    @Option(
            names = "--verify",
            description = {
                "Verify every key with its service before starting the command: a rejected key stops run (status"
                        + " 65); a key that could not be checked gets a warning.",
                "Example: api-keys run --verify --key ke=env:KATALON_API_KEY --preset ke=katalon -- katalonc ..."
            })
    boolean verify;

    @Option(
            names = "--dry-run",
            description = {
                "Check the keys and print each variable and file that would be bound (names and paths, never values),"
                        + " then exit 0 without starting the command.",
                "Example: api-keys run --dry-run --env-file ci.env -- true"
            })
    boolean dryRun;

    @Parameters(paramLabel = "COMMAND", description = "The command and its arguments; {NAME} is replaced by the key.")
    List<String> command = new ArrayList<>();
}
