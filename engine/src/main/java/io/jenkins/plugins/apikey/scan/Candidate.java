package io.jenkins.plugins.apikey.scan;

/**
 * A key that a preset's shape found in a file, before it becomes a {@link Leak}. It holds the key
 * for verification and numbering; {@link #toString()} does not show it, and it is dropped as soon
 * as its file is done.
 *
 * @param offset where the key starts in the file
 * @param length its length in bytes
 * @param line its line
 * @param column its column, in bytes
 * @param charColumn its column in UTF-16 code units, or 0 when not known
 * @param charEndColumn the UTF-16 column after it, or 0 when not known
 * @param rule the rule that found it
 * @param form how it was written, such as {@code plain} or {@code base64}
 * @param key the key
 * @param clientId for client credentials, the client id seen beside it, else {@code null}
 */
record Candidate(
        long offset,
        int length,
        long line,
        long column,
        long charColumn,
        long charEndColumn,
        ShapeRule rule,
        String form,
        String key,
        String clientId) {

    /** The same candidate with the client id seen beside it. */
    Candidate withClientId(String id) {
        return new Candidate(offset, length, line, column, charColumn, charEndColumn, rule, form, key, id);
    }

    @Override
    public String toString() {
        return "Candidate[" + rule.preset().id() + " at line " + line + ", column " + column + "]";
    }
}
