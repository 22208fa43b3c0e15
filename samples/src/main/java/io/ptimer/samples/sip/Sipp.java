package io.ptimer.samples.sip;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** SIPp, the SIP load tool, run with one of its built-in scenarios on a loopback address. */
final class Sipp {
    private Sipp() {
    }

    /** The {@code sipp} on the PATH, or {@code null} if there is none. */
    static Path find() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path sipp = Path.of(dir.isEmpty() ? "." : dir, "sipp");
            if (Files.isExecutable(sipp)) {
                return sipp;
            }
        }
        return null;
    }

    /** The carrier: answers every INVITE 180 and 200, then the BYE; traces each message. */
    static Process carrier(Path sipp, int port, Path trace, Path log) throws IOException {
        return start(log, List.of(sipp.toString(), "-sn", "uas", "-i", "127.0.0.1", "-p", String.valueOf(port),
                "-nostdin", "-trace_shortmsg", "-shortmessage_file", trace.toString()));
    }

    /**
     * The customer: {@code calls} calls at {@code rate} a second to {@code proxy} (INVITE, ACK, BYE),
     * at most {@code seconds} in all; ends when every call has ended.
     */
    static Process customer(Path sipp, int port, int proxy, int rate, int calls, int seconds, Path trace, Path stats, Path log)
            throws IOException {
        List<String> cmd = customer(sipp, port, proxy, rate, calls, seconds, stats);
        cmd.addAll(List.of("-trace_shortmsg", "-shortmessage_file", trace.toString()));
        return start(log, cmd);
    }

    /** A customer as above that traces no message, only its statistics: less work for a busy machine. */
    static Process customer(Path sipp, int port, int proxy, int rate, int calls, int seconds, Path stats, Path log)
            throws IOException {
        return start(log, customer(sipp, port, proxy, rate, calls, seconds, stats));
    }

    private static List<String> customer(Path sipp, int port, int proxy, int rate, int calls, int seconds, Path stats) {
        return new ArrayList<>(List.of(sipp.toString(), "-sn", "uac", "127.0.0.1:" + proxy, "-i", "127.0.0.1",
                "-p", String.valueOf(port), "-nostdin", "-r", String.valueOf(rate), "-m", String.valueOf(calls),
                "-l", String.valueOf(calls), "-timeout", seconds + "s", "-timeout_error",
                "-trace_stat", "-stf", stats.toString(), "-fd", "1"));
    }

    private static Process start(Path log, List<String> cmd) throws IOException {
        Files.deleteIfExists(log);
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
