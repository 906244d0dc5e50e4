package io.jenkins.plugins.apikey.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.jenkins.plugins.apikey.preset.ServicePresets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretDirectoryTest {

    private static final String KEY = "3f2b8c1e-7d4a-4b9e-a1c2-5e6f7a8b1d07";
    private static final String SECRET = "5e8f0a7c9b1d3e2f4a6c8b0d1e3f5a7c9b2d4e6f8a0c1b3d5e7f9a2c4b6d8e0f";

    @TempDir
    Path dir;

    private void file(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
    }

    @Test
    void keysWithAndWithoutSettings() throws IOException {
        file("plain-key", "sk-abcdef0123456789\n");
        file("katalon-nightly", KEY + "\r\n");
        file("katalon-nightly.properties", "service=katalon\ndescription=Nightly regression\nfolder=qa/nightly\n");
        file("xray-qa", SECRET);
        file(
                "xray-qa.yaml",
                "# Xray for QA\nservice: xray\nclientId: \"0123456789ABCDEF0123456789ABCDEF\"\n"
                        + "description: 'QA team'\n");
        Files.createDirectory(dir.resolve("..2026_11_22_data"));
        file(".hidden", "ignored");

        SecretDirectory.Scan scan = SecretDirectory.scan(dir);

        assertThat(scan.problems()).isEmpty();
        assertThat(scan.entries())
                .extracting(SecretDirectory.Entry::id)
                .containsExactly("katalon-nightly", "plain-key", "xray-qa");
        SecretDirectory.Entry katalon = scan.entries().get(0);
        assertThat(katalon.preset()).isSameAs(ServicePresets.KATALON);
        assertThat(katalon.secret()).isEqualTo(KEY);
        assertThat(katalon.description()).isEqualTo("Nightly regression");
        assertThat(katalon.folder()).isEqualTo("qa/nightly");
        assertThat(scan.entries().get(1).preset()).isSameAs(ServicePresets.GENERIC);
        SecretDirectory.Entry xray = scan.entries().get(2);
        assertThat(xray.clientId()).isEqualTo("0123456789ABCDEF0123456789ABCDEF");
        assertThat(xray.description()).isEqualTo("QA team");
        assertThat(scan.entries().toString()).doesNotContain(KEY, SECRET);
    }

    @Test
    void everyBadFileIsReportedWithTheReasonAndNeverItsContent() throws IOException {
        file("empty", "\n");
        file("not utf8", "x");
        Files.write(dir.resolve("binary"), new byte[] {(byte) 0xC3, (byte) 0x28, 'k', 'e', 'y', '1', '2', '3'});
        file("big", "k".repeat(SecretDirectory.MAX_FILE_SIZE + 1));
        file("placeholder", "changeme");
        file("unknown-service", KEY);
        file("unknown-service.properties", "service=jira\n");
        file("typo", KEY);
        file("typo.properties", "servce=katalon\n");
        file("nested", KEY);
        file("nested.yaml", "service:\n  name: katalon\n");
        file("xray-without-id", SECRET);
        file("xray-without-id.yml", "service: xray\n");
        file("orphan.properties", "service=katalon\n");
        file("katalo-key", "kat_test_secret.value12345");
        file("katalo-key.properties", "service=katalo");
        Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("..data/dangling"));
        Files.createDirectory(dir.resolve("subdirectory"));

        SecretDirectory.Scan scan = SecretDirectory.scan(dir);

        assertThat(scan.entries()).isEmpty();
        assertThat(scan.problems())
                .extracting(p -> p.file() + " " + p.reason())
                .containsExactlyInAnyOrder(
                        "big is larger than 64 KiB, too large to be a key.",
                        "binary is not UTF-8 text. Store the key as UTF-8.",
                        "empty is empty. Put the key in it.",
                        "katalo-key cannot be used: A Katalo organisation key starts with kat_live_. Copy the whole key,"
                                + " including that prefix.",
                        "nested has a settings file nested.yaml whose line 2 is not 'name: value'. Only flat settings"
                                + " are supported.",
                        "not utf8 is not a valid credentials id. Name the file with letters, digits, '.', '_' or '-'.",
                        "orphan.properties is a settings file without a key file orphan.",
                        "placeholder cannot be used: The API key looks like a placeholder or an unexpanded variable,"
                                + " not a real key. Paste the actual value.",
                        "typo has an unknown setting 'servce' in typo.properties. Use service, description, folder or"
                                + " clientId.",
                        "unknown-service names an unknown service in its settings. Use katalon, katalon-onprem, xray,"
                                + " katalo or generic.",
                        "xray-without-id is for Xray Cloud, which needs clientId in its settings file.",
                        "dangling is a link to a file that does not exist. Fix the mount or the link.");
        assertThat(scan.problems().toString()).doesNotContain(KEY, SECRET, "changeme", "kat_test_secret");
    }

    @Test
    void unreadableFile() throws IOException {
        assumeFalse("root".equals(System.getProperty("user.name")), "root reads every file");
        file("unreadable", "sk-abcdef0123456789");
        Files.setPosixFilePermissions(dir.resolve("unreadable"), PosixFilePermissions.fromString("---------"));

        assertThat(SecretDirectory.scan(dir).problems())
                .singleElement()
                .isEqualTo(new SecretDirectory.Problem(
                        "unreadable", "cannot be read: permission denied. Let the Jenkins user read it."));
    }

    @Test
    void missingDirectoryIsOneProblem() {
        SecretDirectory.Scan scan = SecretDirectory.scan(dir.resolve("nope"));

        assertThat(scan.entries()).isEmpty();
        assertThat(scan.problems()).singleElement().satisfies(p -> assertThat(p.reason())
                .isEqualTo("is not a directory. Check the path in the global configuration."));
    }
}
