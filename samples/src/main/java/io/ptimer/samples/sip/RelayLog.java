package io.ptimer.samples.sip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Request;

/**
 * The Call-ID and wall-clock time (µs since the epoch) of each INVITE the proxy relayed upstream,
 * kept in memory by the relaying threads and appended to a file, a line {@code CALL-ID TAB MICROS}
 * each, by the status thread once a second: matched against the carrier's trace, it tells how long
 * each INVITE took from its send to the carrier. Safe for any thread.
 */
final class RelayLog {
    private static final RelayLog NONE = new RelayLog(null);
    private final Path file;
    private List<String> callIds = new ArrayList<>();
    private long[] nanos = new long[64];
    private boolean written;
    private boolean failed;

    private RelayLog(Path file) {
        this.file = file;
    }

    /** A log written to {@code file} (made anew at the first flush), or one that keeps nothing for {@code null}. */
    static RelayLog to(Path file) {
        return file == null ? NONE : new RelayLog(file);
    }

    /** Records that {@code invite} went upstream at {@code nanos} ({@link System#nanoTime()}). */
    void relayed(Request invite, long nanos) {
        if (file != null) {
            add(((CallIdHeader) invite.getHeader(CallIdHeader.NAME)).getCallId(), nanos);
        }
    }

    private synchronized void add(String callId, long nanos) {
        if (callIds.size() == this.nanos.length) {
            this.nanos = Arrays.copyOf(this.nanos, this.nanos.length * 2);
        }
        this.nanos[callIds.size()] = nanos;
        callIds.add(callId);
    }

    /** Appends what was recorded since the last call to the file; the status thread's. */
    void flush() {
        List<String> ids;
        long[] times;
        synchronized (this) {
            if (file == null || callIds.isEmpty()) {
                return;
            }
            ids = callIds;
            times = nanos;
            callIds = new ArrayList<>();
            nanos = new long[64];
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < ids.size(); i++) {
            b.append(ids.get(i)).append('\t').append(WallClock.epochMicros(times[i])).append('\n');
        }
        try {
            Files.writeString(file, b, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    written ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
            written = true;
        } catch (IOException e) {
            if (!failed) {
                System.err.println("ShapingProxy: cannot write the relay log " + file + ": " + e);
                failed = true;
            }
        }
    }

    /** The sends in the relay logs {@code files}, by Call-ID; a file that does not exist adds nothing. */
    static Map<String, Long> read(List<Path> files) {
        Map<String, Long> sent = new HashMap<>();
        for (Path f : files) {
            if (!Files.exists(f)) {
                continue;
            }
            try (Stream<String> lines = Files.lines(f)) {
                lines.map(l -> l.split("\t")).filter(w -> w.length == 2)
                        .forEach(w -> sent.putIfAbsent(w[0], Long.parseLong(w[1])));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sent;
    }
}
