package io.ptimer.agent.cli;

import io.ptimer.agent.ptimer.Request;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code java -jar ptimer-agent.jar ...}: load the agent into a running JVM, or steer the timers of
 * one like {@code kamcmd ptimer.*}. Exit status 0 on success, 1 when the command failed, 2 for a bad
 * ARGS given to {@code attach}, 64 for a bad command line.
 */
public final class Cli {
    /** The exit status for a bad command line. */
    public static final int USAGE = 64;
    private static final String PTIMER = "ptimer.";
    /** The list commands, kamcmd-style, and the section of the listing each shows ("" for all). */
    private static final Map<String, String> LISTS = Map.of("list", "", "ptimer.list", "",
            "rtimer.list", "rtimer", "core.list", "core", "async.list", "async", "cluster.list", "cluster");
    /** The rtimer requests and the rtimer MBean's operation for each. */
    private static final Map<String, String> RTIMER_REQUESTS = Map.of("rtimer.pause", "pause",
            "rtimer.continue", "continue");

    private Cli() {
    }

    /** Runs the command line and exits with its status: 0 done, else an error said on stderr. */
    public static void main(String[] args) {
        int status;
        try {
            status = run(args, System.out, System.err);
        } catch (NoClassDefFoundError e) {
            System.err.println("ptimer: this Java has no attach API (module jdk.attach): run the command with a JDK"
                    + " (" + e.getMessage() + ")");
            status = 1;
        }
        System.exit(status);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length >= 2 && args.length <= 3 && args[0].equals("attach") && isPid(args[1])) {
            return AttachCommand.run(args[1], args.length == 3 ? args[2] : "", out, err);
        }
        if (args.length == 2 && isPid(args[0]) && LISTS.containsKey(args[1])) {
            String section = LISTS.get(args[1]);
            return ListCommand.run(args[0], section.isEmpty() ? null : section, out, err);
        }
        String command = args.length >= 2 && args[1].startsWith(PTIMER) ? args[1].substring(PTIMER.length())
                : args.length >= 2 ? args[1] : "";
        String rtimer = RTIMER_REQUESTS.get(args.length >= 2 ? args[1] : "");
        if ((args.length == 3 || args.length == 4) && isPid(args[0]) && (Request.of(command) != null || rtimer != null)) {
            Integer worker = args.length == 4 ? worker(args[3], err) : null;
            if (args.length == 4 && worker == null) {
                return usage(err);
            }
            return rtimer != null ? RtimerCommand.run(args[0], rtimer, args[2],
                    worker == null ? new Object[0] : new Object[] {worker}, out, err)
                    : RequestCommand.run(args[0], command, args[2], worker, out, err);
        }
        if ((args.length == 4 || args.length == 5) && isPid(args[0]) && command.equals("set")) {
            Integer worker = args.length == 5 ? worker(args[4], err) : null;
            if (args.length == 5 && worker == null) {
                return usage(err);
            }
            return SetCommand.run(args[0], args[2], args[3], worker, out, err);
        }
        if (args.length == 4 && isPid(args[0]) && args[1].equals("rtimer.set")) {
            return RtimerCommand.run(args[0], "set", args[2], new Object[] {args[3]}, out, err);
        }
        return usage(err);
    }

    /** The worker index as written, or {@code null} after saying on {@code err} that it is none. */
    private static Integer worker(String text, PrintStream err) {
        if (!text.matches("[0-9]{1,9}")) {
            err.println("ptimer: worker must be a worker index (0, 1, ...), not \"" + text + "\"");
            return null;
        }
        return Integer.valueOf(text);
    }

    private static boolean isPid(String s) {
        return s.matches("[0-9]{1,19}");
    }

    private static int usage(PrintStream err) {
        err.println("usage: java -jar ptimer-agent.jar attach <pid> [ARGS]");
        err.println("       java -jar ptimer-agent.jar <pid> list|ptimer.list|rtimer.list|core.list|async.list|cluster.list");
        err.println("       java -jar ptimer-agent.jar <pid> [ptimer.]pause|continue|start|loop|end <timer> [worker]");
        err.println("       java -jar ptimer-agent.jar <pid> [ptimer.]set <timer> interval|ntasks|nslices=<value> [worker]");
        err.println("       java -jar ptimer-agent.jar <pid> rtimer.pause|rtimer.continue <timer> [worker]");
        err.println("       java -jar ptimer-agent.jar <pid> rtimer.set <timer> interval=<value>");
        return USAGE;
    }

    /** The path of this agent jar. */
    static String agentJar() {
        try {
            return Path.of(Cli.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
