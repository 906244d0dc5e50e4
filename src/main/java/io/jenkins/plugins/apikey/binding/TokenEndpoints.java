package io.jenkins.plugins.apikey.binding;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.Util;
import hudson.util.FormValidation;
import io.jenkins.plugins.apikey.exchange.XrayRegion;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Where the controller may send client credentials to exchange them for a token: the Xray Cloud
 * regions, and the base URLs an administrator lists here (a proxy or a test server). A job cannot
 * make the controller send secrets anywhere else.
 */
@Extension
@Symbol("apiKeyTokenEndpoints")
public final class TokenEndpoints extends GlobalConfiguration {

    private @CheckForNull String allowedBaseUrls;

    public TokenEndpoints() {
        load();
    }

    @NonNull
    public static TokenEndpoints get() {
        return ExtensionList.lookupSingleton(TokenEndpoints.class);
    }

    /** The extra base URLs, one per line. */
    @CheckForNull
    public String getAllowedBaseUrls() {
        return allowedBaseUrls;
    }

    @DataBoundSetter
    public void setAllowedBaseUrls(@CheckForNull String allowedBaseUrls) {
        this.allowedBaseUrls = Util.fixEmptyAndTrim(allowedBaseUrls);
        save();
    }

    /** Whether client credentials may be sent to {@code baseUrl}. */
    public boolean allows(@NonNull URI baseUrl) {
        String wanted = normalized(baseUrl);
        for (XrayRegion region : XrayRegion.values()) {
            if (normalized(region.baseUrl()).equals(wanted)) {
                return true;
            }
        }
        for (String allowed : listed()) {
            try {
                if (normalized(new URI(allowed)).equals(wanted)) {
                    return true;
                }
            } catch (URISyntaxException e) {
                // not a URL: reported by the form check, allows nothing
            }
        }
        return false;
    }

    private List<String> listed() {
        List<String> lines = new ArrayList<>();
        if (allowedBaseUrls != null) {
            allowedBaseUrls
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty())
                    .forEach(lines::add);
        }
        return lines;
    }

    /** Scheme and host in lower case, the port, and the path without a trailing slash. */
    private static String normalized(URI uri) {
        String path = Util.fixNull(uri.getPath());
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return Util.fixNull(uri.getScheme()).toLowerCase(Locale.ROOT) + "://"
                + Util.fixNull(uri.getHost()).toLowerCase(Locale.ROOT) + ":" + uri.getPort() + path;
    }

    @POST
    public FormValidation doCheckAllowedBaseUrls(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        for (String line : Util.fixNull(value).lines().map(String::strip).toList()) {
            if (!line.isEmpty() && !isHttpUrl(line)) {
                return FormValidation.error(Messages.TokenEndpoints_NotAUrl(line));
            }
        }
        return FormValidation.ok();
    }

    static boolean isHttpUrl(String text) {
        try {
            URI uri = new URI(text);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null
                    && uri.getUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
