package io.jenkins.plugins.apikey;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.util.Secret;
import io.jenkins.plugins.apikey.impl.ApiKeyCredentialsImpl;
import io.jenkins.plugins.apikey.impl.ClientCredentialsImpl;
import io.jenkins.plugins.apikey.mask.SecretForms;
import io.jenkins.plugins.apikey.mask.SecretMatcher;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import jenkins.model.Jenkins;
import org.htmlunit.html.HtmlElementUtil;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/** Keys and checks shared by the plugin's JenkinsRule tests. */
public final class TestKeys {

    public static final String KATALON_KEY = "3f2b8c1e-7d4a-4b9e-a1c2-5e6f7a8b1d07";
    public static final String CLIENT_ID = "0123456789ABCDEF0123456789ABCDEF";
    public static final String CLIENT_SECRET = "5e8f0a7c9b1d3e2f4a6c8b0d1e3f5a7c9b2d4e6f8a0c1b3d5e7f9a2c4b6d8e0f";
    /** A generic key whose URL, JSON and shell forms all differ from it. */
    public static final String ODD_KEY = "p@ss w0rd/\"generic\"&key'42";

    private TestKeys() {}

    /** Stores {@code credentials} in the global store. */
    public static void store(Jenkins jenkins, StandardCredentials credentials) throws IOException {
        CredentialsProvider.lookupStores(jenkins).iterator().next().addCredentials(Domain.global(), credentials);
    }

    public static ApiKeyCredentialsImpl apiKey(String id, String service, String key) {
        return new ApiKeyCredentialsImpl(CredentialsScope.GLOBAL, id, "", Secret.fromString(key), service);
    }

    public static ClientCredentialsImpl xray(String id) {
        return new ClientCredentialsImpl(CredentialsScope.GLOBAL, id, "", CLIENT_ID, Secret.fromString(CLIENT_SECRET));
    }

    /** Security with two users: {@code admin} administers Jenkins, {@code reader} may only read it. */
    public static void adminAndReader(JenkinsRule j) {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .to("admin")
                .grant(Jenkins.READ)
                .everywhere()
                .to("reader"));
    }

    /**
     * The files under {@code dir} that contain any form of {@code secret} the masker knows (plain,
     * Base64, URL-encoded, JSON, XML, shell-quoted, ...), relative to {@code dir}. Each file is read
     * once and searched byte for byte.
     */
    public static Set<String> filesWithAnyForm(File dir, String secret) throws IOException {
        List<String> forms = new ArrayList<>();
        for (String form : SecretForms.of(secret)) {
            byte[] bytes = form.getBytes(StandardCharsets.UTF_8);
            if (bytes.length >= SecretMatcher.DEFAULT_MIN_LENGTH) {
                forms.add(new String(bytes, StandardCharsets.ISO_8859_1));
            }
        }
        return filesContainingAny(dir, forms);
    }

    /** The files under {@code dir} that contain {@code text}, relative to it. */
    public static Set<String> grep(File dir, String text) throws IOException {
        return filesContainingAny(
                dir, List.of(new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)));
    }

    /**
     * Searches bytes as ISO-8859-1 text, which maps each byte to one character. Jenkins writes
     * files through temporary files that it renames, so a file that is gone by the time it is
     * read is passed over: what it held is in the file it was renamed to.
     */
    private static Set<String> filesContainingAny(File dir, List<String> texts) throws IOException {
        Set<String> matches = new TreeSet<>();
        Path root = dir.toPath();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (attributes.isRegularFile()) {
                    try {
                        String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                        if (texts.stream().anyMatch(content::contains)) {
                            matches.add(root.relativize(file).toString());
                        }
                    } catch (NoSuchFileException e) {
                        // renamed while being read
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
        return matches;
    }

    /**
     * Opens the credentials' page in the system store as {@code client}, opens its update dialog,
     * changes only the description and saves, as a user would; returns the dialog's HTML as it was
     * shown.
     */
    public static String saveThroughUpdateDialog(JenkinsRule.WebClient client, String id, String description)
            throws Exception {
        HtmlPage page = client.goTo("credentials/store/system/domain/_/credential/" + id + "/");
        HtmlElementUtil.click(page.querySelector("[data-type='credentials-update']"));
        client.waitForBackgroundJavaScript(10_000);
        HtmlForm form = page.getFormByName("updateCredentials");
        String dialog = form.asXml();
        form.getInputByName("_.description").setValue(description);
        HtmlElementUtil.click(page.querySelector("#cr-dialog-submit"));
        client.waitForBackgroundJavaScript(10_000);
        return dialog;
    }
}
