package io.jenkins.plugins.apikey;

import io.jenkins.plugins.apikey.bind.KeyLabel;
import java.io.IOException;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Every message of the engine that a user reads. Each says what is wrong and how to fix it, and is
 * built from names, lengths and limits only: never from a key.
 */
public final class EngineMessages {

    private EngineMessages() {}

    public static String keyBlank(String what) {
        return "The " + what + " is empty. Paste the value from the service's console.";
    }

    public static String keyPadded(String what) {
        return "The " + what + " starts or ends with spaces or line breaks. Remove them; they are not part of the"
                + " key and the service would reject it.";
    }

    public static String keyControlCharacters(String what) {
        return "The " + what + " contains line breaks or other control characters. Copy the key again as a single"
                + " line.";
    }

    public static String keyTooLong(String what, int length, int limit) {
        return "The " + what + " is " + length + " characters long, more than the limit of " + limit
                + ". Check that you pasted only the key.";
    }

    public static String keyPlaceholder(String what) {
        return "The " + what + " looks like a placeholder or an unexpanded variable, not a real key. Paste the"
                + " actual value.";
    }

    public static String keyTooShortToMask(String what, int length, int minimum) {
        return "The " + what + " is only " + length + " characters long; values shorter than " + minimum
                + " cannot be masked safely in build logs. Use the full key.";
    }

    public static String katalonKeyTooShort(int length) {
        return "The Katalon API key is only " + length + " characters long; katalonc rejects keys of 7 characters"
                + " or fewer. Copy the whole key from Katalon TestOps (Settings > API Keys).";
    }

    public static String katalonKeyNotUuid() {
        return "Katalon API keys usually look like a UUID (8-4-4-4-12 hexadecimal digits). Check that you copied"
                + " the whole key from Katalon TestOps (Settings > API Keys).";
    }

    public static String serverUrlMissing() {
        return "Katalon TestOps on-premise needs the server URL, such as https://testops.example.com. Enter the"
                + " address of your TestOps server.";
    }

    public static String serverUrlInvalid() {
        return "The server URL is not an absolute http or https URL. Enter it like https://testops.example.com.";
    }

    public static String serverUrlHasCredentials() {
        return "The server URL contains a user name or password. Remove them: the API key is the credential.";
    }

    public static String serverUrlPlainHttp() {
        return "The server URL uses http, so the API key would cross the network unencrypted. Use https if the"
                + " server supports it.";
    }

    public static String xrayClientIdFormat() {
        return "Xray Cloud client ids are usually 32 hexadecimal digits. Check that you copied the client id, not"
                + " the secret, from Xray (Settings > API Keys).";
    }

    public static String xraySecretFormat() {
        return "Xray Cloud client secrets are usually 64 hexadecimal digits. Check that you copied the whole"
                + " client secret from Xray (Settings > API Keys).";
    }

    public static String kataloPrefixMissing() {
        return "A Katalo organisation key starts with kat_live_. Copy the whole key, including that prefix.";
    }

    public static String kataloDotMissing() {
        return "A Katalo organisation key has the form kat_live_<public key id>.<secret>, and this one has no dot"
                + " or an empty part. Copy the whole key.";
    }

    public static String keyRefused(KeyLabel key, String finding) {
        return key.sentenceStart() + " cannot be bound: " + finding;
    }

    public static String keyWarning(KeyLabel key, String finding) {
        return "Warning for " + key + ": " + finding;
    }

    public static String invalidVariableName(KeyLabel key, String name) {
        return "Variable name '" + name + "' of " + key + " is not valid. Use letters, digits and underscores, not"
                + " starting with a digit.";
    }

    public static String variableBoundTwice(String name, KeyLabel first, KeyLabel second) {
        return "Variable " + name + " is bound twice, by " + first + " and by " + second
                + ". Give one of them another variable name.";
    }

    public static String optionNotForService(KeyLabel key, KeyLabel.Option option, String service) {
        return "Option " + key.option(option) + " does not apply to " + key + ": its service is " + service
                + ". Remove the option, or bind a key of a service that uses it.";
    }

    public static String agentConfigLineBreak(String field) {
        return "The agent configuration value " + field + " contains a line break, which would break the file."
                + " Enter it on one line.";
    }

    public static String exchangeUnreachable(URI endpoint) {
        return "Could not reach " + endpoint + " to exchange the client credentials for a token. Check the"
                + " region or base URL and that the build can reach the internet (proxy, firewall).";
    }

    public static String exchangeTimeout(URI endpoint, Duration timeout) {
        return endpoint + " did not answer within " + timeout.toSeconds() + " seconds. Try again later, or check"
                + " the network between the build and Xray Cloud.";
    }

    public static String exchangeBadRequest(URI endpoint) {
        return endpoint + " refused the request as malformed (HTTP 400). Check that the credentials hold an Xray"
                + " Cloud client id and secret.";
    }

    public static String exchangeUnauthorized(URI endpoint, int status) {
        return endpoint + " refused the client id and secret (HTTP " + status + "). They are wrong, revoked or"
                + " for another region: create a new API key in Xray (Settings > API Keys) and update the"
                + " credentials.";
    }

    public static String exchangeRateLimited(URI endpoint, String retryAfter) {
        return endpoint + " is limiting requests (HTTP 429)"
                + (retryAfter == null ? "" : "; it asks to retry after " + retryAfter + " seconds")
                + ". Exchange the token once per build and reuse it.";
    }

    public static String exchangeServerError(URI endpoint, int status) {
        return endpoint + " failed (HTTP " + status + "). This is a problem on the service side; try again later.";
    }

    public static String exchangeBadResponse(URI endpoint) {
        return endpoint + " answered, but not with a token. Check that the base URL points to Xray Cloud.";
    }

    public static String exchangeUnexpectedStatus(URI endpoint, int status) {
        return endpoint + " answered with HTTP " + status + " instead of a token. Check that the base URL points"
                + " to Xray Cloud.";
    }

    public static String verifyValid(URI endpoint) {
        return endpoint + " accepted the key.";
    }

    public static String verifyRejected(URI endpoint, int status, String errorCode, String service) {
        return endpoint + " rejected the key (HTTP " + status + (errorCode == null ? "" : ", " + errorCode)
                + "): it is wrong, expired or revoked, or belongs to another server or region. Create a new API key"
                + " in " + service + " (Settings > API Keys) and use it instead.";
    }

    public static String verifyNoVerifier(String keyName) {
        return "The " + keyName + " was not checked and nothing was sent: there is no verifier for this kind of"
                + " key. A build that uses the key shows whether it works.";
    }

    public static String verifyRateLimited(URI endpoint, String retryAfter) {
        return endpoint + " is limiting requests (HTTP 429), so the key was not checked. Try again "
                + (retryAfter == null ? "later." : "in " + retryAfter + " seconds.");
    }

    public static String verifyServerError(URI endpoint, int status) {
        return endpoint + " failed (HTTP " + status + "), so the key was not checked. This is a problem on the"
                + " service side; try again later.";
    }

    public static String verifyUnexpectedAnswer(URI endpoint, int status, String service) {
        return endpoint + " answered HTTP " + status + " without a token or a refusal, so the key was not checked."
                + " Check that the URL points to " + service + ".";
    }

    public static String verifyTimeout(URI endpoint, Duration timeout) {
        long millis = timeout.toMillis();
        return endpoint + " did not answer within "
                + (millis == 1000 ? "1 second" : millis % 1000 == 0 ? millis / 1000 + " seconds" : millis + " ms")
                + ", so the key was not checked. Try again later, or check the network between this machine and"
                + " the service (proxy, firewall).";
    }

    public static String verifyUnreachable(URI endpoint) {
        return "Could not connect to " + endpoint + ", so the key was not checked. Check the URL, and that this"
                + " machine can reach it (DNS, proxy, firewall, TLS certificates).";
    }

    public static String verifyNoAnswer(URI endpoint, String service) {
        return endpoint + " closed the connection without answering, so the key was not checked. Check that the"
                + " URL points to " + service + ", and try again later.";
    }

    public static String keyTooOld(String id, long days, int limit) {
        return "Key '" + id + "' has had the same value for " + days + " days, more than the " + limit
                + " days the policy allows. Rotate it: create a new key in the service, then rotate it on the"
                + " API Keys page.";
    }

    public static String keyIdle(String id, long days, int limit, boolean neverUsed) {
        return "Key '" + id + "' has " + (neverUsed ? "not been bound by any build in the " : "not been bound for ")
                + days + " days, more than the " + limit + " days the policy allows. Revoke or delete it if it is"
                + " no longer needed.";
    }

    public static String revoked(String id, String when, String by) {
        return "Credentials '" + id + "' were revoked on " + when + (by == null ? "" : " by " + by)
                + ". Reinstate them on Manage Jenkins > API Keys, or bind another key.";
    }

    public static String expiredRefused(String violation) {
        return violation + " Builds may not bind expired keys on this controller.";
    }

    /**
     * Why an input or output failed, such as "permission denied" or "no space left on device", for
     * messages that name the fix; never a file's content.
     */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(Locale.ROOT);
        }
        return e.getMessage() == null
                ? e.getClass().getSimpleName()
                : e.getMessage().toLowerCase(Locale.ROOT);
    }

    public static String scanPathMissing(Path path) {
        return path + " does not exist. Check the path.";
    }

    public static String scanUnreadable(Path file, IOException e) {
        return file + " cannot be read (" + reason(e) + "), so it was not scanned. Make it readable to this user, or"
                + " replace a damaged .gz file.";
    }

    public static String scanUnlistable(Path directory, IOException e) {
        return "Directory " + directory + " cannot be listed (" + reason(e) + "), so the files in it were not"
                + " scanned. Make it readable to this user.";
    }

    public static String scanNoClientId(String keyName) {
        return "The " + keyName + " was not checked and nothing was sent: no client id was found beside it. Verify it"
                + " together with its client id.";
    }

    public static String scanNoServerUrl(String keyName, String presetId) {
        return "The " + keyName + " was not checked and nothing was sent: no server URL was given for " + presetId
                + " keys. Give the URL of the server to verify them at.";
    }

    public static String redactChanged(Path file) {
        return file + " changed while it was being scanned, so it was not redacted. Scan it again once nothing"
                + " writes to it.";
    }

    public static String redactFailed(Path file, IOException e) {
        return file + " could not be redacted (" + reason(e) + "); it is unchanged. Make its directory writable to"
                + " this user (the new content is written beside it, then renamed over it).";
    }

    public static String redactOwner(Path file, IOException e) {
        return file + " could not be redacted: its owner could not be kept (" + reason(e) + "); it is unchanged."
                + " Run the redaction as the file's owner or as root.";
    }

    public static String leakFound(
            String keyName, String hint, String rule, boolean known, String form, String liveness) {
        String what = known
                ? "Known key " + rule + " (" + keyName + (hint.isEmpty() ? "" : " " + hint) + ")"
                : keyName + (hint.isEmpty() ? "" : " " + hint);
        String state = liveness == null
                ? ""
                : switch (liveness) {
                    case "live" -> " Its service accepted it: rotate it first.";
                    case "dead" -> " Its service rejected it.";
                    default -> " Whether it works is not known.";
                };
        return what + (form.equals("plain") ? " in plain text." : " written as " + form + ".") + state
                + " Rotate the key, store it as a credential, and redact" + " this file (api-keys scan --redact).";
    }

    public static String leakRule(String keyName, String rule, boolean known) {
        return known
                ? "Known key " + rule + " (" + keyName + ") in a file, in any of the forms the masker knows."
                : "A " + keyName + " in a file, found by its shape.";
    }

    public static String leakHelp() {
        return "A key in a log, job configuration or script can be read by anyone who can read the file. Rotate the"
                + " key in its service, bind it from a credential (withApiKey) instead of writing it, and redact the"
                + " file with api-keys scan --redact.";
    }
}
