package io.jenkins.plugins.apikey.cli;

import io.jenkins.plugins.apikey.bind.BindingException;
import io.jenkins.plugins.apikey.bind.BindingOptions;
import io.jenkins.plugins.apikey.bind.BindingPlan;
import io.jenkins.plugins.apikey.bind.BindingPlanner;
import io.jenkins.plugins.apikey.bind.BindingRequest;
import io.jenkins.plugins.apikey.mask.SecretMatcher;
import io.jenkins.plugins.apikey.preset.KeyMaterial;
import io.jenkins.plugins.apikey.preset.ServicePreset;
import io.jenkins.plugins.apikey.preset.ServicePresets;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code run}: starts a command with keys in its environment (and, on request, in owner-only files),
 * masks every form of them in its output, and exits with its status.
 */
final class RunCommand {

    static final String HELP = """
            Usage: java -jar api-key-engine.jar run [options] -- COMMAND [ARGS...]

            Starts COMMAND with API keys in its environment, the way the Jenkins plugin
            binds them, and masks every form of every key in its standard output and
            standard error (each masked separately, streamed without waiting for line
            ends). Standard input is passed on; signals INT and TERM are forwarded. The
            exit status is the command's (128 + signal number when a signal ended it).

            Keys (NAME is your name for the key; it is not a variable name):
              --key NAME=env:VAR        the key is the value of environment variable VAR
              --key NAME=file:PATH      the key is the content of the file (one final line
                                        end dropped)
              --key NAME=stdin          the key is the first line of standard input; the
                                        rest goes to the command (one key at most)
              --preset NAME=PRESET      katalon, katalon-onprem, xray, katalo or generic
                                        (default): checks the key like the plugin does and
                                        binds the preset's variables, console arguments
                                        and masks
              --client-id NAME=SOURCE   xray: the client id (env:, file:, stdin or value:ID)
              --server-url NAME=URL     katalon-onprem: the TestOps server
              --variable NAME=VAR       bind the key as VAR instead of the preset's default
              --key-file NAME[=VAR]     also write the key to an owner-only file; its path
                                        goes in VAR (default: the key variable + _FILE)
              --agent-config NAME[=VAR] write a Katalon TestOps agent 'agentconfig' file;
                                        its path goes in VAR (default KATALON_AGENT_CONFIG)
              --agent-organization ID, --agent-name NAME, --agent-email EMAIL,
              --agent-server-url URL    values for that file
              --help                    show this help

            Preset variables: katalon and katalon-onprem bind KATALON_API_KEY and
            KATALON_ARGS (the ready -apiKey= or -apiKeyOnPremise= ... -testOps.serverUrl=
            arguments); xray binds XRAY_CLIENT_ID and XRAY_CLIENT_SECRET; katalo binds
            KATALO_API_KEY; generic binds API_KEY.

            {NAME} in the command's arguments is replaced by that key. Arguments are
            visible to other users of this machine in the process table: prefer the
            variables. Key files are deleted when the command ends, fails or is stopped.

            Exit status of run's own failures: 64 bad options or unknown preset,
            65 a key fails its preset's checks, 66 a key source is missing or empty,
            70 run failed (such as writing a key file), 126 the command cannot be
            executed, 127 the command was not found.

            Examples:
              # Katalon Runtime Engine in console mode (Store plugins and TestOps upload)
              java -jar api-key-engine.jar run --key ke=env:KATALON_API_KEY --preset ke=katalon \\
                  -- sh -c 'katalonc -noSplash -runMode=console -projectPath="$PWD/tests.prj" \\
                     -testSuitePath="Test Suites/Smoke" $KATALON_ARGS'

              # a Katalon TestOps agent that provisions test environments
              java -jar api-key-engine.jar run --key agent=file:/run/secrets/testops-key \\
                  --preset agent=katalon-onprem --server-url agent=https://testops.example.com \\
                  --agent-config agent --agent-organization 42 --agent-name linux-runner-1 \\
                  -- sh -c 'cp "$KATALON_AGENT_CONFIG" ./agentconfig && ./cli-linux-x64.sh start'
            """;

    private static final Pattern KEY_NAME = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Set<String> VALUED = Set.of(
            "key",
            "preset",
            "client-id",
            "server-url",
            "variable",
            "key-file",
            "agent-config",
            "agent-organization",
            "agent-name",
            "agent-email",
            "agent-server-url");

    private RunCommand() {}

    static int run(String[] args, InputStream in, OutputStream out, PrintStream err, Map<String, String> env) {
        try {
            Options options = parse(args);
            if (options.has("help")) {
                err.print(HELP);
                return 0;
            }
            if (options.command().isEmpty()) {
                throw new RunFailure(RunFailure.USAGE, "Give the command to run after --. See --help.");
            }
            Map<String, String> keys = new LinkedHashMap<>();
            BindingPlan plan = plan(options, in, env, keys);
            plan.warnings().forEach(warning -> err.println("run: warning: " + warning));
            return start(options.command(), plan, keys, in, out, err, env);
        } catch (RunFailure e) {
            err.println("run: " + e.getMessage());
            return e.status();
        }
    }

    private static Options parse(String[] args) throws RunFailure {
        try {
            return Options.parse(args, VALUED, Set.of("help"));
        } catch (UsageException e) {
            throw new RunFailure(RunFailure.USAGE, e.getMessage());
        }
    }

    /** Reads the keys (into {@code keys}, by name) and plans their binding. */
    private static BindingPlan plan(Options options, InputStream in, Map<String, String> env, Map<String, String> keys)
            throws RunFailure {
        Map<String, String> sources = pairs(options, "key", null);
        if (sources.isEmpty()) {
            throw new RunFailure(
                    RunFailure.USAGE, "Give at least one --key NAME=env:VAR, NAME=file:PATH or NAME=stdin.");
        }
        Map<String, String> presets = pairs(options, "preset", sources);
        Map<String, String> clientIds = pairs(options, "client-id", sources);
        Map<String, String> serverUrls = pairs(options, "server-url", sources);
        Map<String, String> variables = pairs(options, "variable", sources);
        Map<String, String> keyFiles = pairs(options, "key-file", sources);
        Map<String, String> agentConfigs = pairs(options, "agent-config", sources);
        long fromStdin = sources.values().stream().filter("stdin"::equals).count()
                + clientIds.values().stream().filter("stdin"::equals).count();
        if (fromStdin > 1) {
            throw new RunFailure(RunFailure.USAGE, "Only one key can come from standard input.");
        }
        List<BindingRequest> requests = new ArrayList<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            String name = source.getKey();
            ServicePreset preset = preset(name, presets.get(name));
            String clientId = null;
            if (preset.isClientCredentials()) {
                String idSource = clientIds.get(name);
                if (idSource == null) {
                    throw new RunFailure(
                            RunFailure.USAGE,
                            "Key " + name + " uses preset " + preset.id() + ", which needs --client-id " + name
                                    + "=env:VAR, file:PATH or value:ID.");
                }
                clientId = KeySource.read(idSource, true, env, in);
            }
            String key = KeySource.read(source.getValue(), false, env, in);
            keys.put(name, key);
            BindingOptions bindingOptions = new BindingOptions(
                    variables.get(name),
                    null,
                    null,
                    keyFiles.containsKey(name) ? new BindingOptions.KeyFile(emptyToNull(keyFiles.get(name))) : null,
                    agentConfigs.containsKey(name) ? agentConfig(options, agentConfigs.get(name)) : null,
                    null);
            requests.add(new BindingRequest(
                    name, preset, new KeyMaterial(key, clientId, serverUrls.get(name)), bindingOptions));
        }
        try {
            return BindingPlanner.plan(requests);
        } catch (BindingException e) {
            throw new RunFailure(RunFailure.INVALID_KEY, e.getMessage());
        }
    }

    private static BindingOptions.AgentConfig agentConfig(Options options, String variable) {
        return new BindingOptions.AgentConfig(
                emptyToNull(variable),
                last(options, "agent-server-url"),
                last(options, "agent-organization"),
                last(options, "agent-name"),
                last(options, "agent-email"));
    }

    private static ServicePreset preset(String name, String id) throws RunFailure {
        if (id == null) {
            return ServicePresets.GENERIC;
        }
        return ServicePresets.byId(id)
                .orElseThrow(() -> new RunFailure(
                        RunFailure.USAGE,
                        "Unknown preset '" + id + "' for key " + name + ". Use one of "
                                + ServicePresets.all().stream()
                                        .map(ServicePreset::id)
                                        .collect(Collectors.joining(", "))
                                + "."));
    }

    /**
     * The {@code NAME=VALUE} (or bare {@code NAME}, with an empty value) pairs of option {@code
     * option}; with {@code known}, every NAME must be a key given with {@code --key}.
     */
    private static Map<String, String> pairs(Options options, String option, Map<String, String> known)
            throws RunFailure {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String given : options.all(option)) {
            int equals = given.indexOf('=');
            String name = equals < 0 ? given : given.substring(0, equals);
            String value = equals < 0 ? "" : given.substring(equals + 1);
            if (!KEY_NAME.matcher(name).matches()) {
                throw new RunFailure(
                        RunFailure.USAGE,
                        "--" + option + " needs NAME=VALUE with a NAME of letters, digits," + " '.', '_' or '-', not '"
                                + name + "'.");
            }
            if (known != null && !known.containsKey(name)) {
                throw new RunFailure(
                        RunFailure.USAGE,
                        "--" + option + " names key " + name + ", but no --key " + name + "=... was given.");
            }
            if (known == null && value.isEmpty()) {
                throw new RunFailure(
                        RunFailure.USAGE,
                        "--key " + name + " needs a source: " + name + "=env:VAR, " + name + "=file:PATH or " + name
                                + "=stdin.");
            }
            if (pairs.put(name, value) != null) {
                throw new RunFailure(RunFailure.USAGE, "--" + option + " is given twice for key " + name + ".");
            }
        }
        return pairs;
    }

    private static int start(
            List<String> command,
            BindingPlan plan,
            Map<String, String> keys,
            InputStream in,
            OutputStream out,
            PrintStream err,
            Map<String, String> env)
            throws RunFailure {
        try (KeyFiles files = KeyFiles.write(plan.files());
                SignalForwarder forwarder = new SignalForwarder()) {
            Map<String, String> childEnv = new HashMap<>(env);
            plan.variables().forEach(variable -> childEnv.put(variable.name(), variable.value()));
            childEnv.putAll(files.paths());
            ProcessBuilder builder = new ProcessBuilder(substitute(command, keys));
            builder.environment().clear();
            builder.environment().putAll(childEnv);
            SecretMatcher matcher = SecretMatcher.compile(plan.maskValues());
            Process child = startChild(builder, command.get(0));
            forwarder.attach(child);
            StreamPump stdout = new StreamPump("run stdout", child.getInputStream(), masked(out, matcher));
            StreamPump stderr = new StreamPump("run stderr", child.getErrorStream(), masked(err, matcher));
            stdout.start();
            stderr.start();
            new StreamPump("run stdin", in, child.getOutputStream()).start();
            int status = child.waitFor();
            stdout.join();
            stderr.join();
            return status;
        } catch (IOException e) {
            throw new RunFailure(
                    RunFailure.SOFTWARE,
                    "Could not write the key files (" + e.getClass().getSimpleName()
                            + "). Check the temporary directory.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunFailure(RunFailure.SOFTWARE, "Interrupted while waiting for the command.");
        }
    }

    /** A masking stream onto {@code target} whose close flushes but leaves {@code target} open. */
    private static OutputStream masked(OutputStream target, SecretMatcher matcher) {
        return matcher.newStream(new FilterOutputStream(target) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        });
    }

    private static Process startChild(ProcessBuilder builder, String program) throws RunFailure {
        try {
            return builder.start();
        } catch (IOException e) {
            String reason = String.valueOf(e.getMessage());
            if (reason.contains("error=2,") || reason.contains("No such file")) {
                throw new RunFailure(
                        RunFailure.NOT_FOUND, "Command not found: " + program + ". Check the name and PATH.");
            }
            throw new RunFailure(
                    RunFailure.CANNOT_EXECUTE,
                    "Command cannot be executed: " + program + ". Check that it is an executable program.");
        }
    }

    /** The command with each {@code {NAME}} replaced by that key. */
    static List<String> substitute(List<String> command, Map<String, String> keys) {
        List<String> substituted = new ArrayList<>(command.size());
        for (String argument : command) {
            String result = argument;
            for (Map.Entry<String, String> key : keys.entrySet()) {
                result = result.replace("{" + key.getKey() + "}", key.getValue());
            }
            substituted.add(result);
        }
        return substituted;
    }

    private static String last(Options options, String name) {
        List<String> values = options.all(name);
        return values.isEmpty() ? null : values.get(values.size() - 1);
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
