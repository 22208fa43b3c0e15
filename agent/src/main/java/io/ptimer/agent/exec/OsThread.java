package io.ptimer.agent.exec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** What Linux tells and lets a thread change about itself through {@code /proc}; harmless no-ops elsewhere. */
final class OsThread {
    private OsThread() {
    }

    /** The calling thread's OS thread id, or the JVM's pid where {@code /proc/thread-self} is missing. */
    static long currentId() {
        try {
            String link = Files.readSymbolicLink(Path.of("/proc/thread-self")).toString();
            return Long.parseLong(link.substring(link.lastIndexOf('/') + 1));
        } catch (IOException | RuntimeException e) {
            return ProcessHandle.current().pid();
        }
    }

    /**
     * Sets the calling thread's timer slack to 1 ns, so that its timed waits are not rounded up by
     * the default 50 µs. A thread may do this for itself without privileges.
     *
     * @return whether the slack was set
     */
    static boolean lowerTimerSlack(long tid) {
        try {
            Files.write(Path.of("/proc/" + tid + "/timerslack_ns"), "1".getBytes(StandardCharsets.US_ASCII));
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
