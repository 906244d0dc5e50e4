package io.jenkins.plugins.apikey.impl;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.model.ModelObject;
import hudson.security.AccessControlled;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.apikey.preset.Finding;
import io.jenkins.plugins.apikey.preset.ServicePreset;
import java.util.List;
import java.util.function.Predicate;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** Adapts the engine's presets and findings to credential forms. */
@Restricted(NoExternalUse.class)
final class PresetForms {

    private PresetForms() {}

    /**
     * Refuses users who may not create or update credentials where the form is: the user's own
     * store, a folder, or Jenkins itself.
     */
    static void checkCanConfigure(ModelObject context) {
        AccessControlled target = context instanceof AccessControlled controlled ? controlled : Jenkins.get();
        target.checkAnyPermission(CredentialsProvider.CREATE, CredentialsProvider.UPDATE);
    }

    /** The presets that {@code filter} accepts, as select items. */
    static ListBoxModel presetItems(List<ServicePreset> presets, Predicate<ServicePreset> filter) {
        ListBoxModel items = new ListBoxModel();
        for (ServicePreset preset : presets) {
            if (filter.test(preset)) {
                items.add(preset.displayName(), preset.id());
            }
        }
        return items;
    }

    /** Errors first, then warnings; OK when nothing was found. */
    static FormValidation validation(List<Finding> findings) {
        return FormValidation.aggregate(findings.stream()
                .map(finding -> finding.isError()
                        ? FormValidation.error(finding.message())
                        : FormValidation.warning(finding.message()))
                .toList());
    }
}
