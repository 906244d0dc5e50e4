package io.jenkins.plugins.apikey.verify;

/** What a verification concluded about a key. */
public enum Verdict {
    /** The service accepted the key. */
    VALID,
    /** The service refused the key: it is wrong, expired, revoked, or for another server. */
    REJECTED,
    /** Nothing conclusive: no verifier, no answer, or an answer that says nothing about the key. */
    UNKNOWN
}
