package io.jenkins.plugins.apikey;

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
}
