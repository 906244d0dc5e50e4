package io.jenkins.plugins.apikey.binding;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.FilePath;
import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jenkinsci.plugins.workflow.FilePathUtils;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The owner-only directory that holds a binding's key files, by node name and path, so that it can
 * be deleted after a restart and, when its node is offline, as soon as the node is back. A class
 * rather than a record, since XStream cannot read records back.
 */
@Restricted(NoExternalUse.class)
public final class KeyDirectory implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final Logger LOGGER = Logger.getLogger(KeyDirectory.class.getName());

    private final String node;
    private final String path;

    /**
     * @param node the node's name, empty for the built-in node
     * @param path the directory's path on that node
     */
    public KeyDirectory(@NonNull String node, @NonNull String path) {
        this.node = node;
        this.path = path;
    }

    /** The node's name, empty for the built-in node. */
    @NonNull
    public String node() {
        return node;
    }

    /** The directory's path on that node. */
    @NonNull
    public String path() {
        return path;
    }

    /** The directory {@code directory}, on whichever node it is. */
    @NonNull
    public static KeyDirectory of(@NonNull FilePath directory) {
        return new KeyDirectory(FilePathUtils.getNodeName(directory), directory.getRemote());
    }

    /**
     * Deletes the directory now, or, when its node cannot be reached, as soon as the node is online
     * again ({@link PendingKeyDirectories}).
     */
    public void delete() throws InterruptedException {
        FilePath directory = FilePathUtils.find(node, path);
        if (directory != null) {
            try {
                directory.deleteRecursive();
                return;
            } catch (IOException e) {
                LOGGER.log(Level.FINE, "could not delete " + this + " now", e);
            }
        }
        PendingKeyDirectories.get().add(this);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeyDirectory that && node.equals(that.node) && path.equals(that.path);
    }

    @Override
    public int hashCode() {
        return Objects.hash(node, path);
    }

    @Override
    public String toString() {
        return (node.isEmpty() ? "built-in node" : node) + ":" + path;
    }
}
