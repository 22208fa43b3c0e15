package io.ptimer.agent.support;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** The outside programs some tests drive (SIPp, Prometheus): a skip without one, a failure on CI. */
public final class Tools {
    private Tools() {
    }

    /**
     * Skips the calling test when {@code program} is not on the PATH, except with {@code CI=true},
     * where that fails it: CI installs every such program.
     *
     * @param install how to install it, for the message, e.g. {@code apt-get install sip-tester}
     * @param what    what is skipped, for the message
     */
    public static void requireOnPath(String program, String install, String what) {
        boolean found = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir.isEmpty() ? "." : dir, program)));
        String missing = program + " is not on the PATH (" + install + ")";
        if (!found && "true".equals(System.getenv("CI"))) {
            fail(missing + ": CI=true, and CI installs it, so this is a failure, not a skip");
        }
        assumeTrue(found, missing + ": " + what + " skipped (outside CI)");
    }
}
