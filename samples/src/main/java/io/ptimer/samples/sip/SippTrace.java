package io.ptimer.samples.sip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * The INVITEs in a SIPp short-message trace ({@code -trace_shortmsg}): one line per message, tab
 * separated, with the time as epoch seconds, {@code S} or {@code R}, the Call-ID and the first line.
 * The first INVITE of each Call-ID is a call; later ones are retransmissions.
 */
record SippTrace(long[] callMicros, int retransmissions) {

    /** The INVITEs {@code direction} ({@code "S"} sent, {@code "R"} received), first per call in time order. */
    static SippTrace invites(Path file, String direction) {
        Map<String, Long> first = new HashMap<>();
        int[] again = {0};
        forEachInvite(file, direction, (call, micros) -> {
            if (first.putIfAbsent(call, micros) != null) {
                again[0]++;
            }
        });
        return new SippTrace(first.values().stream().mapToLong(Long::longValue).sorted().toArray(), again[0]);
    }

    /** The time of the first INVITE {@code direction} of each call, µs since the epoch, by Call-ID. */
    static Map<String, Long> byCall(Path file, String direction) {
        Map<String, Long> first = new HashMap<>();
        forEachInvite(file, direction, first::putIfAbsent);
        return first;
    }

    private static void forEachInvite(Path file, String direction, BiConsumer<String, Long> invite) {
        try (Stream<String> lines = Files.lines(file)) {
            for (String line : (Iterable<String>) lines::iterator) {
                String[] f = line.split("\t");
                if (f.length >= 7 && f[3].equals(direction) && f[6].startsWith("INVITE ")) {
                    invite.accept(f[4], Math.round(Double.parseDouble(f[2]) * 1e6));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * For each call of a customer's trace, the time from its first INVITE sent to the first 200
     * received, in µs, sorted; calls without a 200 are left out.
     */
    static long[] answerDelays(Path customerTrace) {
        Map<String, Long> invited = new HashMap<>();
        Map<String, Long> answered = new HashMap<>();
        try (Stream<String> lines = Files.lines(customerTrace)) {
            for (String line : (Iterable<String>) lines::iterator) {
                String[] f = line.split("\t");
                if (f.length < 7) {
                    continue;
                }
                long micros = Math.round(Double.parseDouble(f[2]) * 1e6);
                if (f[3].equals("S") && f[6].startsWith("INVITE ")) {
                    invited.putIfAbsent(f[4], micros);
                } else if (f[3].equals("R") && f[6].startsWith("SIP/2.0 200 ") && invited.containsKey(f[4])) {
                    answered.putIfAbsent(f[4], micros);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return answered.entrySet().stream().mapToLong(e -> e.getValue() - invited.get(e.getKey())).sorted().toArray();
    }

    int calls() {
        return callMicros.length;
    }

    /** The value of a column of the last line of a SIPp statistics file ({@code -trace_stat}), or -1. */
    static long lastStat(Path csv, String column) {
        try {
            List<String> lines = Files.readAllLines(csv);
            if (lines.size() < 2) {
                return -1;
            }
            List<String> head = List.of(lines.get(0).split(";"));
            int i = head.indexOf(column);
            String[] last = lines.get(lines.size() - 1).split(";");
            return i < 0 || i >= last.length ? -1 : Long.parseLong(last[i].trim());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }
}
