package io.jenkins.plugins.apikey.manage;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.util.FormValidation;
import io.jenkins.plugins.apikey.inventory.RotationPolicy;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The rotation policy for API keys: maximum age and idle time, whether expired keys may bind, and
 * whether keys are verified with their services daily.
 */
@Extension
@Symbol("apiKeyPolicy")
public final class ApiKeyPolicy extends GlobalConfiguration {

    private int maxAgeDays;
    private int maxIdleDays;
    private boolean failBuildsOnExpiredKeys;
    private boolean verifyDaily;

    public ApiKeyPolicy() {
        load();
    }

    @NonNull
    public static ApiKeyPolicy get() {
        return ExtensionList.lookupSingleton(ApiKeyPolicy.class);
    }

    public int getMaxAgeDays() {
        return maxAgeDays;
    }

    @DataBoundSetter
    public void setMaxAgeDays(int maxAgeDays) {
        this.maxAgeDays = Math.max(0, maxAgeDays);
        save();
    }

    public int getMaxIdleDays() {
        return maxIdleDays;
    }

    @DataBoundSetter
    public void setMaxIdleDays(int maxIdleDays) {
        this.maxIdleDays = Math.max(0, maxIdleDays);
        save();
    }

    public boolean isFailBuildsOnExpiredKeys() {
        return failBuildsOnExpiredKeys;
    }

    @DataBoundSetter
    public void setFailBuildsOnExpiredKeys(boolean failBuildsOnExpiredKeys) {
        this.failBuildsOnExpiredKeys = failBuildsOnExpiredKeys;
        save();
    }

    /** Whether shared keys are verified with their services once a day. */
    public boolean isVerifyDaily() {
        return verifyDaily;
    }

    @DataBoundSetter
    public void setVerifyDaily(boolean verifyDaily) {
        this.verifyDaily = verifyDaily;
        save();
    }

    /** The engine's view of this policy. */
    @NonNull
    public RotationPolicy toPolicy() {
        return new RotationPolicy(maxAgeDays, maxIdleDays);
    }

    @POST
    public FormValidation doCheckMaxAgeDays(@QueryParameter String value) {
        return checkDays(value);
    }

    @POST
    public FormValidation doCheckMaxIdleDays(@QueryParameter String value) {
        return checkDays(value);
    }

    private static FormValidation checkDays(String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        try {
            if (value == null || value.isBlank() || Integer.parseInt(value.strip()) >= 0) {
                return FormValidation.ok();
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        return FormValidation.error(Messages.ApiKeyPolicy_Days());
    }
}
