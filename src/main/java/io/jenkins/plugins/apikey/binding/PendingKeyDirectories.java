package io.jenkins.plugins.apikey.binding;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.FilePath;
import hudson.XmlFile;
import hudson.model.Computer;
import hudson.model.Node;
import hudson.model.Saveable;
import hudson.model.TaskListener;
import hudson.model.listeners.SaveableListener;
import hudson.slaves.ComputerListener;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Key directories that could not be deleted because their node was offline when the binding ended,
 * kept across restarts and deleted when the node comes back online. Holds paths, never keys.
 */
@Extension
@Restricted(NoExternalUse.class)
public final class PendingKeyDirectories implements Saveable {

    private static final Logger LOGGER = Logger.getLogger(PendingKeyDirectories.class.getName());

    private final List<KeyDirectory> pending = new ArrayList<>();

    public PendingKeyDirectories() {
        XmlFile file = file();
        if (file.exists()) {
            try {
                file.unmarshal(this);
            } catch (IOException e) {
                LOGGER.log(Level.WARNING, "could not read " + file, e);
            }
        }
    }

    @NonNull
    public static PendingKeyDirectories get() {
        return ExtensionList.lookupSingleton(PendingKeyDirectories.class);
    }

    /** Remembers {@code directory} until its node is online. */
    public synchronized void add(@NonNull KeyDirectory directory) {
        if (!pending.contains(directory)) {
            pending.add(directory);
            persist();
        }
    }

    /** The directories still waiting for their node. */
    @NonNull
    public synchronized List<KeyDirectory> pending() {
        return List.copyOf(pending);
    }

    /** Deletes what is pending on {@code node}; what still cannot be deleted stays pending. */
    void deleteOn(@NonNull Node node) throws InterruptedException {
        List<KeyDirectory> mine;
        synchronized (this) {
            mine = pending.stream()
                    .filter(directory -> directory.node().equals(node.getNodeName()))
                    .toList();
        }
        for (KeyDirectory directory : mine) {
            FilePath path = node.createPath(directory.path());
            try {
                if (path != null) {
                    path.deleteRecursive();
                    remove(directory);
                }
            } catch (IOException e) {
                LOGGER.log(Level.WARNING, "could not delete the key files in " + directory, e);
            }
        }
    }

    private synchronized void remove(KeyDirectory directory) {
        if (pending.remove(directory)) {
            persist();
        }
    }

    private void persist() {
        try {
            save();
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "could not save " + file(), e);
        }
    }

    @Override
    public synchronized void save() throws IOException {
        file().write(this);
        SaveableListener.fireOnChange(this, file());
    }

    private static XmlFile file() {
        return new XmlFile(
                Jenkins.XSTREAM2, new File(Jenkins.get().getRootDir(), PendingKeyDirectories.class.getName() + ".xml"));
    }

    /** Deletes a node's pending key directories as soon as it is online. */
    @Extension
    @Restricted(NoExternalUse.class)
    public static final class OnOnline extends ComputerListener {

        @Override
        public void onOnline(Computer computer, TaskListener listener) throws InterruptedException {
            Node node = computer.getNode();
            if (node != null) {
                PendingKeyDirectories.get().deleteOn(node);
            }
        }
    }
}
