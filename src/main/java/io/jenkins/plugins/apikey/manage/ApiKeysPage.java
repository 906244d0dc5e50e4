package io.jenkins.plugins.apikey.manage;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.ManagementLink;
import hudson.security.Permission;
import hudson.util.HttpResponses;
import hudson.util.Secret;
import io.jenkins.plugins.apikey.inventory.InventoryExport;
import io.jenkins.plugins.apikey.inventory.KeyQuery;
import io.jenkins.plugins.apikey.inventory.KeyRecord;
import io.jenkins.plugins.apikey.inventory.RotationPolicy;
import io.jenkins.plugins.apikey.inventory.SecretDirectory;
import io.jenkins.plugins.apikey.provider.SecretDirectoryCredentialsProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerProxy;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;
import org.kohsuke.stapler.verb.POST;

/**
 * Manage Jenkins > API Keys: every key Jenkins holds, searchable and paged, with bulk delete,
 * revoke and reinstate, rotation, and CSV and JSON export. Administrators only; everyone else gets
 * a 403.
 */
@Extension
public final class ApiKeysPage extends ManagementLink implements StaplerProxy {

    @Override
    public String getIconFileName() {
        return "symbol-key";
    }

    @Override
    public String getDisplayName() {
        return Messages.ApiKeysPage_DisplayName();
    }

    @Override
    public String getDescription() {
        return Messages.ApiKeysPage_Description();
    }

    @Override
    public String getUrlName() {
        return "api-keys";
    }

    @NonNull
    @Override
    public Permission getRequiredPermission() {
        return Jenkins.ADMINISTER;
    }

    @NonNull
    @Override
    public Category getCategory() {
        return Category.SECURITY;
    }

    /** Refuses everyone but administrators, for the page and everything under it. */
    @Override
    public Object getTarget() {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return this;
    }

    /**
     * A key as the page shows it.
     *
     * @param record the key
     * @param ref its reference for forms
     * @param state revoked, expired, idle or active
     * @param ageDays days since its current value took effect, or -1 when unknown
     */
    public record Shown(KeyRecord record, String ref, String state, long ageDays) {}

    /**
     * The keys the request asks for ({@code q}, {@code size}, {@code page}).
     *
     * @param page the page of the search
     * @param rows the keys on it
     */
    public record View(KeyQuery.KeyPage page, List<Shown> rows) {}

    /** The page of keys the request asks for, read once. */
    @NonNull
    public View view(StaplerRequest2 request) {
        List<KeyInventory.Row> all = KeyInventory.collect();
        KeyQuery.KeyPage page =
                query(request).apply(all.stream().map(KeyInventory.Row::record).toList());
        List<Shown> rows = new ArrayList<>();
        for (KeyRecord record : page.items()) {
            all.stream()
                    .filter(row -> row.record() == record)
                    .findFirst()
                    .ifPresent(row -> rows.add(new Shown(record, row.ref(), state(record), ageDays(record))));
        }
        return new View(page, rows);
    }

    /** The page sizes offered. */
    public List<Integer> getPageSizes() {
        return KeyQuery.PAGE_SIZES;
    }

    /** Files of the secret directory that cannot be used, with the reason. */
    public List<SecretDirectory.Problem> getDirectoryProblems() {
        return SecretDirectoryCredentialsProvider.get().scan().problems();
    }

    private static long ageDays(KeyRecord record) {
        Instant since = record.currentSince();
        return since == null ? -1 : Duration.between(since, Instant.now()).toDays();
    }

    /** The state shown for a key: revoked, over a policy limit, or active. */
    static String state(KeyRecord record) {
        if (record.revoked()) {
            return Messages.ApiKeysPage_Revoked();
        }
        List<RotationPolicy.Violation> violations =
                ApiKeyPolicy.get().toPolicy().check(record, Instant.now());
        if (violations.stream().anyMatch(v -> v.kind() == RotationPolicy.Violation.Kind.TOO_OLD)) {
            return Messages.ApiKeysPage_Expired();
        }
        return violations.isEmpty() ? Messages.ApiKeysPage_Active() : Messages.ApiKeysPage_Idle();
    }

    /**
     * Asks to confirm, naming how many keys, then deletes, revokes or reinstates them. The keys are
     * the checked ones ({@code ref}), all on the page ({@code selection=page}) or all that match
     * the search ({@code selection=all}).
     */
    @POST
    public HttpResponse doBulk(
            StaplerRequest2 request,
            @QueryParameter String operation,
            @QueryParameter String selection,
            @QueryParameter boolean confirmed) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        KeyOperations.Operation op;
        try {
            op = KeyOperations.Operation.valueOf(String.valueOf(operation).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return HttpResponses.errorWithoutStack(400, Messages.ApiKeysPage_UnknownOperation());
        }
        List<String> refs = selected(request, selection);
        if (!confirmed) {
            return HttpResponses.forwardToView(this, "confirm")
                    .with("operation", op.name().toLowerCase(Locale.ROOT))
                    .with("refs", refs);
        }
        return HttpResponses.forwardToView(this, "results").with("results", KeyOperations.apply(op, refs));
    }

    /** Replaces one key's value; the new value is checked against the key's preset first. */
    @POST
    public HttpResponse doRotate(@QueryParameter String ref, @QueryParameter Secret value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return HttpResponses.forwardToView(this, "results").with("results", List.of(KeyOperations.rotate(ref, value)));
    }

    /** The inventory as CSV ({@code format=csv}) or JSON, with no secret in it. */
    public HttpResponse doExport(@QueryParameter String format) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        boolean json = "json".equalsIgnoreCase(format);
        String body = json ? InventoryExport.json(records()) : InventoryExport.csv(records());
        String type = json ? "application/json;charset=UTF-8" : "text/csv;charset=UTF-8";
        String file = json ? "api-keys.json" : "api-keys.csv";
        return new HttpResponse() {
            @Override
            public void generateResponse(StaplerRequest2 request, StaplerResponse2 response, Object node)
                    throws IOException {
                response.setContentType(type);
                response.setHeader("Content-Disposition", "attachment; filename=" + file);
                response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
            }
        };
    }

    private List<String> selected(StaplerRequest2 request, @CheckForNull String selection) {
        if ("all".equals(selection)) {
            KeyQuery query = query(request);
            return KeyInventory.collect().stream()
                    .filter(row -> query.matches(row.record()))
                    .map(KeyInventory.Row::ref)
                    .toList();
        }
        if ("page".equals(selection)) {
            return view(request).rows().stream().map(Shown::ref).toList();
        }
        String[] refs = request.getParameterValues("ref");
        return refs == null ? List.of() : Arrays.asList(refs);
    }

    private static List<KeyRecord> records() {
        return KeyInventory.collect().stream().map(KeyInventory.Row::record).toList();
    }

    private static KeyQuery query(StaplerRequest2 request) {
        return new KeyQuery(
                request.getParameter("q"),
                number(request.getParameter("size"), 25),
                number(request.getParameter("page"), 1));
    }

    private static int number(@CheckForNull String text, int fallback) {
        try {
            int value = text == null ? fallback : Integer.parseInt(text);
            return fallback == 25 && !KeyQuery.PAGE_SIZES.contains(value) ? fallback : value;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
