package io.jenkins.plugins.apikey.manage;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Util;
import hudson.model.ItemGroup;
import hudson.model.ModelObject;
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
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;
import org.kohsuke.stapler.verb.POST;

/**
 * The API Keys page for one scope: every key Jenkins holds (from Manage Jenkins), or the keys of
 * one folder's own stores (from that folder). Searchable and paged, with bulk delete, revoke,
 * reinstate and verification with the keys' services, rotation and CSV and JSON export. The object that hands it out checks access; every
 * action checks it again. Reading the page changes nothing on disk.
 */
@Restricted(NoExternalUse.class)
public final class KeysPage implements ModelObject {

    private final @CheckForNull ItemGroup<?> folder;
    private final String title;
    private final Runnable accessCheck;

    /**
     * @param folder the folder whose own keys are shown, or {@code null} for all keys
     * @param accessCheck throws when the current user may not manage these keys
     */
    KeysPage(@CheckForNull ItemGroup<?> folder, String title, Runnable accessCheck) {
        this.folder = folder;
        this.title = title;
        this.accessCheck = accessCheck;
    }

    @Override
    public String getDisplayName() {
        return title;
    }

    public String getDescription() {
        return Messages.ApiKeysPage_Description();
    }

    /**
     * A key as the page shows it.
     *
     * @param record the key
     * @param ref its reference for forms
     * @param state revoked, expired, idle or active, as shown
     * @param stateCode the same as a fixed word for styles: {@code revoked}, {@code expired},
     *     {@code idle} or {@code active}
     * @param ageDays days since its current value took effect, or -1 when unknown
     * @param lastUsedUrl the URL of the build that last bound it, relative to the Jenkins root, or
     *     {@code null}
     * @param checked what its service said when last asked, such as "Valid, checked 3 min ago",
     *     or {@code null} if never asked
     * @param checkedCode the verdict as a fixed word for styles, or {@code null}
     */
    public record Shown(
            KeyRecord record,
            String ref,
            String state,
            String stateCode,
            long ageDays,
            @CheckForNull String lastUsedUrl,
            @CheckForNull String checked,
            @CheckForNull String checkedCode) {}

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
        accessCheck.run();
        List<KeyInventory.Row> all = rows();
        KeyQuery.KeyPage page =
                query(request).apply(all.stream().map(KeyInventory.Row::record).toList());
        List<Shown> shown = new ArrayList<>();
        for (KeyRecord record : page.items()) {
            all.stream()
                    .filter(row -> row.record() == record)
                    .findFirst()
                    .map(KeysPage::shown)
                    .ifPresent(shown::add);
        }
        return new View(page, shown);
    }

    /** The key that {@code ref} names, for the rotation form. */
    @CheckForNull
    public Shown key(@CheckForNull String ref) {
        accessCheck.run();
        Optional<KeyRef> parsed = KeyRef.parse(ref);
        return parsed.flatMap(wanted ->
                        rows().stream().filter(row -> row.ref().equals(wanted)).findFirst())
                .map(KeysPage::shown)
                .orElse(null);
    }

    /** The page sizes offered. */
    public List<Integer> getPageSizes() {
        return KeyQuery.PAGE_SIZES;
    }

    /** Files of the secret directory that cannot be used, with the reason; only on the global page. */
    public List<SecretDirectory.Problem> getDirectoryProblems() {
        return folder == null ? SecretDirectoryCredentialsProvider.get().scan().problems() : List.of();
    }

    /** How long ago {@code instant} was, such as "3 days ago"; empty for never. */
    @NonNull
    public static String ago(@CheckForNull Instant instant) {
        if (instant == null) {
            return "";
        }
        long millis = Math.max(0, Duration.between(instant, Instant.now()).toMillis());
        return Messages.ApiKeysPage_Ago(Util.getTimeSpanString(millis));
    }

    /** {@code instant} as an ISO-8601 time in UTC, for tooltips; empty for never. */
    @NonNull
    public String iso(@CheckForNull Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    /** The confirmation question for {@code operation} on {@code count} keys. */
    @NonNull
    public String question(String operation, int count) {
        return switch (operation(operation)) {
            case REVOKE -> Messages.KeysPage_Question_revoke(count);
            case REINSTATE -> Messages.KeysPage_Question_reinstate(count);
            case DELETE -> Messages.KeysPage_Question_delete(count);
        };
    }

    /** What {@code operation} does, said before it is confirmed. */
    @NonNull
    public String consequence(String operation) {
        return switch (operation(operation)) {
            case REVOKE -> Messages.KeysPage_Consequence_revoke();
            case REINSTATE -> Messages.KeysPage_Consequence_reinstate();
            case DELETE -> Messages.KeysPage_Consequence_delete();
        };
    }

    /** The label of the button that confirms {@code operation} on {@code count} keys. */
    @NonNull
    public String confirmButton(String operation, int count) {
        return switch (operation(operation)) {
            case REVOKE -> Messages.KeysPage_Button_revoke(count);
            case REINSTATE -> Messages.KeysPage_Button_reinstate(count);
            case DELETE -> Messages.KeysPage_Button_delete(count);
        };
    }

    /** Says that no keys were chosen for {@code operation}. */
    @NonNull
    public String nothingSelected(String operation) {
        return Messages.KeysPage_NothingSelected(operation);
    }

    private static KeyOperations.Operation operation(String name) {
        return KeyOperations.Operation.valueOf(name.toUpperCase(Locale.ROOT));
    }

    /**
     * Asks to confirm, naming the keys, then deletes, revokes or reinstates them. The keys are the
     * checked ones ({@code ref}), all on the page ({@code selection=page}) or all that match the
     * search ({@code selection=all}).
     */
    @POST
    public HttpResponse doBulk(
            StaplerRequest2 request,
            @QueryParameter String operation,
            @QueryParameter String selection,
            @QueryParameter boolean confirmed) {
        accessCheck.run();
        if ("verify".equals(operation)) {
            return verify(selected(request, selection));
        }
        KeyOperations.Operation op;
        try {
            op = KeyOperations.Operation.valueOf(String.valueOf(operation).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return HttpResponses.errorWithoutStack(400, Messages.ApiKeysPage_UnknownOperation());
        }
        List<KeyRef> refs = selected(request, selection);
        if (!confirmed) {
            List<KeyInventory.Row> rows = rows();
            List<Shown> keys = new ArrayList<>();
            for (KeyRef ref : refs) {
                rows.stream()
                        .filter(row -> row.ref().equals(ref))
                        .findFirst()
                        .map(KeysPage::shown)
                        .ifPresent(keys::add);
            }
            return HttpResponses.forwardToView(this, "confirm")
                    .with("operation", op.name().toLowerCase(Locale.ROOT))
                    .with("keys", keys);
        }
        return HttpResponses.forwardToView(this, "results").with("results", KeyOperations.apply(op, refs, rows()));
    }

    /** The verification this page started last, running or done, or {@code null}. */
    @CheckForNull
    public KeyVerifications.Run getVerification() {
        accessCheck.run();
        return KeyVerifications.get().latest(scope());
    }

    /** Starts verifying {@code refs} with their services in the background and shows its progress. */
    private HttpResponse verify(List<KeyRef> refs) {
        List<KeyInventory.Row> rows =
                rows().stream().filter(row -> refs.contains(row.ref())).toList();
        if (rows.isEmpty()) {
            return HttpResponses.errorWithoutStack(400, Messages.KeysPage_NothingSelected("verify"));
        }
        KeyVerifications.get().start(scope(), rows);
        return HttpResponses.redirectTo("verification");
    }

    private String scope() {
        return folder == null ? "" : folder.getFullName();
    }

    /** The last scan of the build history, running or done; only on the page of all keys. */
    @CheckForNull
    public HistoryScan getHistoryScan() {
        accessCheck.run();
        return folder == null ? HistoryScans.get().latest() : null;
    }

    /** Whether this page can scan the build history: the page of all keys, for administrators. */
    public boolean isScanning() {
        return folder == null;
    }

    /**
     * Starts scanning the build logs and job configurations of all jobs, or of the folder named
     * {@code folder}, for leaked keys, in the background; then shows its progress.
     */
    @POST
    public HttpResponse doStartScan(@QueryParameter String folder) {
        accessCheck.run();
        if (!isScanning()) {
            return HttpResponses.notFound();
        }
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        String name = Util.fixEmptyAndTrim(folder);
        ItemGroup<?> scope = null;
        if (name != null) {
            if (!(Jenkins.get().getItemByFullName(name) instanceof ItemGroup<?> group)) {
                return HttpResponses.errorWithoutStack(400, Messages.HistoryScans_NoSuchFolder(name));
            }
            scope = group;
        }
        HistoryScans.get().start(scope);
        return HttpResponses.redirectTo("history");
    }

    /**
     * Asks to confirm, naming how many builds, then redacts the checked findings ({@code finding})
     * of the last scan and suggests rotating the keys that leaked.
     */
    @POST
    public HttpResponse doRedact(StaplerRequest2 request, @QueryParameter boolean confirmed) {
        accessCheck.run();
        HistoryScan scan = getHistoryScan();
        if (scan == null) {
            return HttpResponses.notFound();
        }
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        List<Integer> numbers = new ArrayList<>();
        String[] values = request.getParameterValues("finding");
        for (String value : values == null ? new String[0] : values) {
            try {
                numbers.add(Integer.parseInt(value));
            } catch (NumberFormatException e) {
                return HttpResponses.errorWithoutStack(400, Messages.HistoryScans_NothingSelected());
            }
        }
        List<HistoryScan.Finding> chosen = scan.pending(numbers);
        if (chosen.isEmpty()) {
            return HttpResponses.errorWithoutStack(400, Messages.HistoryScans_NothingSelected());
        }
        if (!confirmed) {
            return HttpResponses.forwardToView(this, "redact-confirm")
                    .with("findings", chosen)
                    .with("files", HistoryScan.files(chosen));
        }
        return HttpResponses.forwardToView(this, "redacted")
                .with("redactions", scan.redact(chosen))
                .with("leaked", HistoryScan.toRotate(chosen));
    }

    /** Replaces one key's value; the new value is checked against the key's preset first. */
    @POST
    public HttpResponse doRotateSubmit(@QueryParameter String ref, @QueryParameter Secret value) {
        accessCheck.run();
        KeyOperations.Result result = KeyRef.parse(ref)
                .map(parsed -> KeyOperations.rotate(parsed, value, rows()))
                .orElseGet(() -> new KeyOperations.Result("", "", false, Messages.KeyOperations_NotFound()));
        return HttpResponses.forwardToView(this, "results").with("results", List.of(result));
    }

    /** The keys as CSV ({@code format=csv}) or JSON, with no secret in it. */
    public HttpResponse doExport(@QueryParameter String format) {
        accessCheck.run();
        boolean json = "json".equalsIgnoreCase(format);
        List<KeyRecord> records = rows().stream().map(KeyInventory.Row::record).toList();
        String body = json ? InventoryExport.json(records) : InventoryExport.csv(records);
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

    /** The state of a key: revoked, over a policy limit, or active. */
    enum State {
        REVOKED,
        EXPIRED,
        IDLE,
        ACTIVE;

        static State of(KeyRecord record) {
            if (record.revoked()) {
                return REVOKED;
            }
            List<RotationPolicy.Violation> violations =
                    ApiKeyPolicy.get().toPolicy().check(record, Instant.now());
            if (violations.stream().anyMatch(v -> v.kind() == RotationPolicy.Violation.Kind.TOO_OLD)) {
                return EXPIRED;
            }
            return violations.isEmpty() ? ACTIVE : IDLE;
        }

        String shown() {
            return switch (this) {
                case REVOKED -> Messages.ApiKeysPage_Revoked();
                case EXPIRED -> Messages.ApiKeysPage_Expired();
                case IDLE -> Messages.ApiKeysPage_Idle();
                case ACTIVE -> Messages.ApiKeysPage_Active();
            };
        }
    }

    private static Shown shown(KeyInventory.Row row) {
        KeyRecord record = row.record();
        Instant since = record.currentSince();
        long age = since == null ? -1 : Duration.between(since, Instant.now()).toDays();
        KeyStates.State remembered = KeyStates.get().state(row.ref());
        String url = remembered == null ? null : remembered.lastUsedUrl();
        State state = State.of(record);
        KeyStates.Checked checked = remembered == null ? null : remembered.checked();
        return new Shown(
                record,
                row.ref().encoded(),
                state.shown(),
                state.name().toLowerCase(Locale.ROOT),
                age,
                url,
                checked == null
                        ? null
                        : Messages.KeysPage_Checked(KeyVerifications.shown(checked.verdict()), ago(checked.at())),
                checked == null ? null : KeyVerifications.code(checked.verdict()));
    }

    private List<KeyInventory.Row> rows() {
        return folder == null ? KeyInventory.collect() : KeyInventory.collect(folder);
    }

    private List<KeyRef> selected(StaplerRequest2 request, @CheckForNull String selection) {
        if ("all".equals(selection)) {
            KeyQuery query = query(request);
            return rows().stream()
                    .filter(row -> query.matches(row.record()))
                    .map(KeyInventory.Row::ref)
                    .toList();
        }
        if ("page".equals(selection)) {
            return view(request).rows().stream()
                    .map(row -> KeyRef.parse(row.ref()).orElseThrow())
                    .toList();
        }
        String[] refs = request.getParameterValues("ref");
        List<KeyRef> parsed = new ArrayList<>();
        if (refs != null) {
            for (String ref : refs) {
                KeyRef.parse(ref).ifPresent(parsed::add);
            }
        }
        return parsed;
    }

    private static KeyQuery query(StaplerRequest2 request) {
        return new KeyQuery(
                request.getParameter("q"), pageSize(request.getParameter("size")), page(request.getParameter("page")));
    }

    private static int pageSize(@CheckForNull String text) {
        try {
            int size = text == null ? 25 : Integer.parseInt(text);
            return KeyQuery.PAGE_SIZES.contains(size) ? size : 25;
        } catch (NumberFormatException e) {
            return 25;
        }
    }

    private static int page(@CheckForNull String text) {
        try {
            return text == null ? 1 : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
