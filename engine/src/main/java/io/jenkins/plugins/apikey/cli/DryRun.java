package io.jenkins.plugins.apikey.cli;

import io.jenkins.plugins.apikey.bind.BindingPlan;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * What {@code run --dry-run} prints: one line per variable ({@code variable NAME}), file ({@code
 * file NAME PATH}) and token exchange ({@code token NAME from URL}) that would be bound; names,
 * paths and addresses only, never a value.
 */
final class DryRun {

    private DryRun() {}

    static void print(BindingPlan plan, Path directory, Map<String, Path> linked, OutputStream out) throws RunFailure {
        PrintStream print = new PrintStream(out, false, StandardCharsets.UTF_8);
        plan.variables().forEach(variable -> print.println("variable " + variable.name()));
        for (BindingPlan.PlannedFile file : plan.files()) {
            Path link = linked.get(file.variable());
            Path path = link != null ? link.toAbsolutePath().normalize() : directory.resolve(file.relativePath());
            print.println("file " + file.variable() + " " + path);
        }
        plan.exchanges()
                .forEach(exchange -> print.println("token " + exchange.variable() + " from " + exchange.baseUrl()));
        print.flush();
        if (print.checkError()) {
            throw new RunFailure(RunFailure.SOFTWARE, "Could not write the dry run to standard output.");
        }
    }
}
