package io.jenkins.plugins.apikey.cli;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Sees a started command through to its end without ever hanging: passes signals on to its
 * process group, stops the group when whoever reads {@code run}'s output goes away, and once the
 * command has exited, sends TERM to whatever is left of its group at once and KILL after the
 * kill-after period; output pipes still held open by a process outside the group are given up
 * another kill-after period later.
 */
final class Supervisor {

    private static final long POLL_MILLIS = 200;
    private static final long MAX_BACKOFF_MILLIS = 100;

    private final Process command;
    private final ProcessGroup group;
    private final long killAfterNanos;
    private long killAt = Long.MAX_VALUE;
    private boolean killed;

    Supervisor(Process command, ProcessGroup group, Duration killAfter) {
        this.command = command;
        this.group = group;
        this.killAfterNanos = killAfter.toNanos();
    }

    /** Sends {@code signal} to the command's group, and nothing after it. */
    synchronized void pass(String signal) {
        group.signal(signal);
    }

    /** Passes {@code signal} on to the group and sets the KILL deadline, if not set yet. */
    synchronized void stop(String signal) {
        group.signal(signal);
        if (killAt == Long.MAX_VALUE) {
            killAt = System.nanoTime() + killAfterNanos;
        }
    }

    private synchronized long killAt() {
        return killAt;
    }

    private synchronized boolean killed() {
        return killed;
    }

    /**
     * Waits for the command, then for the rest of its group and the pumps; returns the command's
     * exit status (128 + signal number when a signal ended it).
     */
    int await(List<StreamPump> pumps) throws InterruptedException {
        while (!command.waitFor(untilKill(POLL_MILLIS), TimeUnit.MILLISECONDS)) {
            killIfDue();
        }
        int status = command.exitValue();
        if (group.alive()) {
            stop("TERM");
            long backoff = 5;
            while (group.alive() && !killIfDue()) {
                Thread.sleep(Math.max(1, Math.min(backoff, untilKill(backoff))));
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            }
        }
        long drainDeadline = System.nanoTime() + killAfterNanos;
        for (StreamPump pump : pumps) {
            if (!pump.awaitEnd(drainDeadline)) {
                pump.abandon();
            }
        }
        return status;
    }

    /** Milliseconds until the KILL deadline, at most {@code max}. */
    private long untilKill(long max) {
        long at = killAt();
        if (at == Long.MAX_VALUE || killed()) {
            return max;
        }
        return Math.max(0, Math.min(max, TimeUnit.NANOSECONDS.toMillis(at - System.nanoTime())));
    }

    /** Kills the group once the deadline has passed; whether it has. */
    private synchronized boolean killIfDue() {
        if (killAt == Long.MAX_VALUE || System.nanoTime() - killAt < 0) {
            return false;
        }
        if (!killed) {
            killed = true;
            group.signal("KILL");
        }
        return true;
    }
}
