package io.jenkins.plugins.apikey.bind;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a set of bindings produces, decided without touching Jenkins, files or the network: the
 * variables, the files to write (their paths go in variables once written), the token exchanges
 * to perform, every value to mask, and warnings to show. {@link #toString()} shows no secret.
 *
 * @param variables the variables with their values, in binding order
 * @param files the files to write in a fresh owner-only directory
 * @param exchanges the token exchanges to perform; their tokens are secrets to bind and mask
 * @param maskValues every secret value bound, derived or written
 * @param warnings findings that do not stop the binding, safe to print
 */
public record BindingPlan(
        List<Variable> variables,
        List<PlannedFile> files,
        List<PlannedExchange> exchanges,
        List<String> maskValues,
        List<String> warnings) {

    public BindingPlan {
        variables = List.copyOf(variables);
        files = List.copyOf(files);
        exchanges = List.copyOf(exchanges);
        maskValues = List.copyOf(maskValues);
        warnings = List.copyOf(warnings);
    }

    /** The names of the variables that hold secrets: keys, secrets, arguments and tokens. */
    public Set<String> sensitiveVariables() {
        Set<String> names = new LinkedHashSet<>();
        variables.stream().filter(Variable::sensitive).forEach(v -> names.add(v.name()));
        exchanges.forEach(exchange -> names.add(exchange.variable()));
        return names;
    }

    @Override
    public String toString() {
        return "BindingPlan[variables=" + variables.stream().map(Variable::name).toList() + ", files="
                + files.stream().map(PlannedFile::relativePath).toList() + ", exchanges=" + exchanges.size()
                + ", maskValues=" + maskValues.size() + "]";
    }

    /** A variable and its value; {@code sensitive} ones are secrets. */
    public record Variable(String name, String value, boolean sensitive) {
        @Override
        public String toString() {
            return name + "=" + (sensitive ? "****" : value);
        }
    }

    /** A file to write under the binding's directory; its absolute path goes in {@code variable}. */
    public record PlannedFile(String variable, String relativePath, byte[] content) {
        @Override
        public String toString() {
            return "PlannedFile[" + variable + " -> " + relativePath + ", " + content.length + " bytes]";
        }
    }

    /** Client credentials to exchange at {@code baseUrl}; the token goes in {@code variable}. */
    public record PlannedExchange(String variable, KeyLabel label, URI baseUrl, String clientId, String clientSecret) {
        @Override
        public String toString() {
            return "PlannedExchange[" + variable + " <- " + label + " at " + baseUrl + "]";
        }
    }
}
