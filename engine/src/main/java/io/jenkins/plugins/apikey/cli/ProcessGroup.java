package io.jenkins.plugins.apikey.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The process group of a command that {@code run} started in a session of its own (its process id
 * is the group's id), so that a signal reaches every process of it: {@code sh -c} wrappers,
 * launchers and their children. Java has no call for a group, so the shell's {@code kill} sends
 * it. Without {@code setsid} the command has no group of its own, and signals reach it alone.
 */
final class ProcessGroup {

    private static final long KILL_TIMEOUT_SECONDS = 10;

    private final Process leader;
    private final boolean ownGroup;

    ProcessGroup(Process leader, boolean ownGroup) {
        this.leader = leader;
        this.ownGroup = ownGroup;
    }

    /** Sends signal {@code name} (such as {@code TERM}) to the group; to the command alone until the group exists. */
    void signal(String name) {
        String pid = Long.toString(leader.pid());
        if (ownGroup && kill(name, "-" + pid)) {
            return;
        }
        if (leader.isAlive()) {
            // before setsid has made the group, the command is its only process
            kill(name, pid);
        }
    }

    /**
     * Whether any process of the group is left (the command itself included). Zombies do not
     * count: where PID 1 does not reap orphans (some containers), a killed child stays one.
     */
    boolean alive() {
        if (!ownGroup) {
            return leader.isAlive();
        }
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc.resolve("self"))) {
            return kill("0", "-" + leader.pid());
        }
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(proc, "[0-9]*")) {
            for (Path process : processes) {
                if (runsInGroup(process.resolve("stat"))) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return kill("0", "-" + leader.pid());
        }
    }

    /** Whether {@code /proc/<pid>/stat} says: in this group and not a zombie. */
    private boolean runsInGroup(Path stat) {
        try {
            String text = Files.readString(stat);
            // after "pid (name) ": state ppid pgrp ...
            String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ", 4);
            return !fields[0].equals("Z") && Long.parseLong(fields[2]) == leader.pid();
        } catch (IOException | RuntimeException e) {
            return false; // gone meanwhile
        }
    }

    /** The shell's kill: sends {@code signal} to {@code target}; whether such a process existed. */
    private static boolean kill(String signal, String target) {
        try {
            Process kill = new ProcessBuilder("/bin/sh", "-c", "kill -s " + signal + " -- " + target + " 2>/dev/null")
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!kill.waitFor(KILL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                kill.destroyForcibly();
                return false;
            }
            return kill.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
