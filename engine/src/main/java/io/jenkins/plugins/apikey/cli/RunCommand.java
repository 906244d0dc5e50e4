package io.jenkins.plugins.apikey.cli;

import io.jenkins.plugins.apikey.bind.BindingException;
import io.jenkins.plugins.apikey.bind.BindingPlan;
import io.jenkins.plugins.apikey.bind.BindingPlanner;
import io.jenkins.plugins.apikey.exchange.XrayTokenClient;
import io.jenkins.plugins.apikey.mask.SecretMatcher;
import io.jenkins.plugins.apikey.verify.KeyVerifier;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code run}: starts a command with keys in its environment (and, on request, in owner-only
 * files), masks every form of them in its output, and exits with its status.
 */
@Command(
        name = "run",
        header = "Run a command with API keys in its environment, its output masked.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        synopsisHeading = "Usage: ",
        customSynopsis = "api-keys run [OPTIONS] -- COMMAND [ARGS...]",
        description = {
            "",
            "Starts COMMAND with API keys in its environment, the way the Jenkins plugin binds them, and masks every"
                    + " form of every key in its standard output and standard error (each masked separately,"
                    + " streamed without waiting for line ends).",
            "",
            "COMMAND runs in a session and process group of its own (setsid, or Perl's where there is no setsid)."
                    + " INT, TERM and HUP sent to run go to"
                    + " the whole group; --kill-after seconds later, anything left of it gets KILL. When COMMAND"
                    + " exits, what is left of its group gets TERM at once and KILL after --kill-after seconds. When"
                    + " whoever reads run's output goes away (run ... | head), COMMAND is stopped. QUIT goes to the group"
                    + " with no KILL after it: the api-keys launcher relays it as USR1, which a JVM can take (send"
                    + " USR1 yourself when you start run with java -jar).",
            "",
            "Key files live in an owner-only directory $TMPDIR/api-keys-<pid> (default /tmp), deleted on every exit"
                    + " that lets run do so; each run deletes those that runs killed with KILL left behind.",
            "",
            "{NAME} in COMMAND's arguments is replaced by that key, but arguments are visible to other users in the"
                    + " process table: prefer the variables. Katalon presets bind KATALON_API_KEY and KATALON_ARGS"
                    + " (-apiKey=... or -apiKeyOnPremise=... -testOps.serverUrl=...); xray binds XRAY_CLIENT_ID and"
                    + " XRAY_CLIENT_SECRET; katalo binds KATALO_API_KEY; generic binds API_KEY.",
            "",
            "Options:"
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "   N:the command's status (128 + the signal's number when a signal ended it)",
            "   0:--dry-run, --help or --version",
            "  64:bad options, an unknown preset or a bad --env-file line",
            "  65:a key fails its preset's checks, or with --verify its service rejected it",
            "  66:a key source is missing or empty",
            "  69:the token exchange failed",
            "  70:run failed, such as writing a key file",
            " 126:the command cannot be executed",
            " 127:the command was not found"
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  # Katalon Runtime Engine in console mode (Store plugins and TestOps upload)",
            "  api-keys run --key ke=env:KATALON_API_KEY --preset ke=katalon -- \\",
            "      sh -c 'katalonc -noSplash -runMode=console -projectPath=\"$PWD/tests.prj\" $KATALON_ARGS'",
            "",
            "  # a Katalon TestOps agent, which reads ./agentconfig",
            "  api-keys run --key agent=file:/run/secrets/testops-key --preset agent=katalon-onprem \\",
            "      --server-url agent=https://testops.example.com --agent-config agent \\",
            "      --agent-config-path ./agentconfig --agent-organization 42 -- ./cli-linux-x64.sh start",
            "",
            "  # an Xray Cloud token for a results upload",
            "  api-keys run --key x=env:XRAY_CLIENT_SECRET --preset x=xray --client-id x=env:XRAY_CLIENT_ID \\",
            "      --exchange-token x -- sh -c 'curl -fsS -H \"Authorization: Bearer $XRAY_TOKEN\" ...'"
        })
final class RunCommand implements Callable<Integer> {

    @Mixin
    RunOptions options;

    private final Stdio stdio;
    private final Environment env;
    private Supervisor supervisor;
    private String signalBeforeStart;

    RunCommand(Stdio stdio, Environment env) {
        this.stdio = stdio;
        this.env = env;
    }

    @Override
    public Integer call() {
        try {
            return run();
        } catch (RunFailure e) {
            stdio.messages().println("run: " + e.getMessage());
            return e.status();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stdio.messages().println("run: interrupted while waiting for the command.");
            return RunFailure.SOFTWARE;
        }
    }

    private int run() throws RunFailure, InterruptedException {
        if (options.command.isEmpty() && !options.dryRun) {
            throw new RunFailure(
                    RunFailure.USAGE,
                    "No command given. Put it after --, such as: api-keys run --key k=env:K -- ./build.sh");
        }
        if (options.killAfter < 0) {
            throw new RunFailure(RunFailure.USAGE, "--kill-after must be 0 or more seconds.");
        }
        Path tmp = Path.of(env.setting("TMPDIR", "/tmp"));
        StaleKeyDirectories.sweep(tmp);
        KeyBindings.Result bindings = KeyBindings.read(options, env, stdio.in());
        bindings.warnings().forEach(warning -> stdio.messages().println("run: warning: " + warning));
        BindingPlan plan;
        try {
            plan = BindingPlanner.plan(bindings.requests());
        } catch (BindingException e) {
            throw new RunFailure(RunFailure.INVALID_KEY, e.getMessage());
        }
        if (options.verify) {
            Verifications.beforeRun(
                    bindings.requests(),
                    bindings.xrayUrl(),
                    new KeyVerifier(HttpClient.newBuilder(), KeyVerifier.DEFAULT_TIMEOUT),
                    stdio.messages());
        }
        List<String> command = substitute(options.command, bindings.keys());
        Map<String, Path> linked = linked(plan);
        if (options.dryRun) {
            if (!command.isEmpty()) {
                CommandPath.check(command.get(0), env.setting("PATH", ""));
            }
            DryRun.print(plan, KeyDirectory.path(tmp, ProcessHandle.current().pid()), linked, stdio.out());
            return 0;
        }
        if (options.noMasking) {
            stdio.messages()
                    .println("run: warning: --no-masking: the command's output is passed through untouched, so any"
                            + " key it prints appears in clear.");
        }
        Map<String, String> tokens = plan.exchanges().isEmpty()
                ? Map.of()
                : TokenExchanges.perform(plan, new XrayTokenClient(XrayTokenClient.DEFAULT_TIMEOUT));
        return start(command, plan, tokens, tmp, linked);
    }

    /** The user's path for the agentconfig, by variable, when --agent-config-path is given. */
    private Map<String, Path> linked(BindingPlan plan) {
        Map<String, Path> linked = new LinkedHashMap<>();
        if (options.agentConfigPath != null) {
            plan.files().stream()
                    .filter(file -> Path.of(file.relativePath()).endsWith("agentconfig"))
                    .forEach(file -> linked.put(file.variable(), options.agentConfigPath));
        }
        return linked;
    }

    private int start(
            List<String> command, BindingPlan plan, Map<String, String> tokens, Path tmp, Map<String, Path> linked)
            throws RunFailure, InterruptedException {
        try (SignalForwarder forwarder = new SignalForwarder(this::received);
                KeyDirectory files = plan.files().isEmpty() ? null : KeyDirectory.write(tmp, plan.files(), linked)) {
            Map<String, String> variables = new LinkedHashMap<>();
            plan.variables().forEach(variable -> variables.put(variable.name(), variable.value()));
            variables.putAll(tokens);
            if (files != null) {
                variables.putAll(files.paths());
            }
            List<String> masks = new ArrayList<>(plan.maskValues());
            masks.addAll(tokens.values());
            SecretMatcher matcher = SecretMatcher.compile(masks);
            CommandLauncher.Streams streams = options.noMasking && stdio.own()
                    ? CommandLauncher.Streams.INHERITED
                    : options.mergeOutput ? CommandLauncher.Streams.MERGED : CommandLauncher.Streams.MASKED;
            CommandLauncher.Started started;
            synchronized (this) {
                if (signalBeforeStart != null) {
                    stdio.messages()
                            .println("run: stopped by SIG" + signalBeforeStart + " before the command started.");
                    return 128 + SignalForwarder.number(signalBeforeStart);
                }
                started = new CommandLauncher(env, stdio.own()).start(command, variables, streams);
                supervisor = new Supervisor(started.process(), started.group(), Duration.ofSeconds(options.killAfter));
            }
            List<StreamPump> pumps = new ArrayList<>();
            if (streams != CommandLauncher.Streams.INHERITED) {
                pumps.add(output("run stdout", started, stdio.out(), matcher, true));
                if (streams == CommandLauncher.Streams.MASKED) {
                    pumps.add(output("run stderr", started, stdio.err(), matcher, false));
                }
            }
            pumps.forEach(Thread::start);
            if (!stdio.own()) {
                new StreamPump("run stdin", stdio.in(), started.process().getOutputStream(), () -> {}).start();
            }
            return supervisor.await(pumps);
        }
    }

    private StreamPump output(
            String name, CommandLauncher.Started started, OutputStream target, SecretMatcher matcher, boolean stdout) {
        OutputStream kept = keepOpen(target);
        return new StreamPump(
                name,
                stdout ? started.process().getInputStream() : started.process().getErrorStream(),
                options.noMasking ? kept : matcher.newStream(kept),
                () -> supervisor.stop("TERM"));
    }

    /**
     * A signal sent to run: to the command's group once it runs, else remembered so it never starts.
     * QUIT asks for a thread dump or a core as often as an end, so it goes on alone, with no KILL
     * after it, and before the start it has no one to reach.
     */
    private synchronized void received(String signal) {
        if (signal.equals("QUIT")) {
            if (supervisor != null) {
                supervisor.pass(signal);
            }
        } else if (supervisor == null) {
            signalBeforeStart = signal;
        } else {
            supervisor.stop(signal);
        }
    }

    /** {@code target}, whose close flushes but leaves it open for run's own messages. */
    private static OutputStream keepOpen(OutputStream target) {
        return new FilterOutputStream(target) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        };
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
}
