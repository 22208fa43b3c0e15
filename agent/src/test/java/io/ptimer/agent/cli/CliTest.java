package io.ptimer.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The command line's argument checks, in process. */
class CliTest {

    private static String usage(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run(args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true,
                StandardCharsets.UTF_8));
        assertEquals(Cli.USAGE, status, String.join(" ", args));
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void badCommandLinesGetTheUsage() {
        assertTrue(usage().startsWith("usage: java -jar ptimer-agent.jar attach <pid> [ARGS]\n"));
        usage("attach");
        usage("attach", "x1");
        usage("attach", "1", "a", "b");
        usage("12", "lists");
        usage("12", "list", "t");
        usage("pid", "pause", "t");
        usage("12", "pause");
        usage("12", "pause", "t", "1", "2");
        assertTrue(usage("12", "pause", "t", "-1").startsWith("ptimer: worker must be a worker index (0, 1, ...),"
                + " not \"-1\"\n"));
    }
}
