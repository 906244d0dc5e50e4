package io.jenkins.plugins.apikey.wrapper;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Run;
import io.jenkins.plugins.apikey.log.MaskingLogFilter;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The masking filter of each running freestyle build, kept from {@code setUp} until its log
 * closes: a freestyle build decorates its log before its wrappers bind anything. A freestyle build
 * has at most one {@link ApiKeyBuildWrapper}, so the build alone names its filter.
 */
final class BuildSecrets {

    private static final Map<Run<?, ?>, MaskingLogFilter> FILTERS = new WeakHashMap<>();

    private BuildSecrets() {}

    static synchronized void register(Run<?, ?> build, MaskingLogFilter filter) {
        FILTERS.put(build, filter);
    }

    @CheckForNull
    static synchronized MaskingLogFilter filterOf(Run<?, ?> build) {
        return FILTERS.get(build);
    }

    static synchronized void forget(Run<?, ?> build) {
        FILTERS.remove(build);
    }
}
