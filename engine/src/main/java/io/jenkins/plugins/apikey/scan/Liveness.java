package io.jenkins.plugins.apikey.scan;

import io.jenkins.plugins.apikey.verify.Verdict;

/** Whether a leaked key still works, as its service answered when the scan verified it. */
public enum Liveness {
    /** The service accepted the key: rotate it first. */
    LIVE,
    /** The service refused the key. */
    DEAD,
    /** Not known: no verifier, no answer, or an answer that says nothing about the key. */
    UNKNOWN;

    /** What a verification's verdict means for a leaked key. */
    public static Liveness of(Verdict verdict) {
        return switch (verdict) {
            case VALID -> LIVE;
            case REJECTED -> DEAD;
            case UNKNOWN -> UNKNOWN;
        };
    }
}
