package io.ptimer.bench;

import com.google.common.util.concurrent.RateLimiter;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Host application of the shaping scenario. After {@code bench.idle} ms of an idle system (the
 * limiter or timer already running), a burst of calls is queued at once and relayed by the shaper
 * named in {@code args[0]}: {@code ptimer} (the agent's timer does it), {@code guava} or
 * {@code bucket4j} (one relay thread taking the queue and acquiring a permit per call, at
 * {@code bench.limit} calls per second). Writes each relay's time after the burst began, in ns.
 */
public final class ShapingHost {
    private ShapingHost() {
    }

    public static void main(String[] args) throws Exception {
        int limit = Integer.getInteger("bench.limit", 1000);
        Permits permits = switch (args[0]) {
            case "ptimer" -> null;
            case "guava" -> guava(limit);
            case "bucket4j" -> bucket4j(limit);
            default -> throw new IllegalArgumentException("unknown shaper " + args[0]);
        };
        if (permits != null) {
            Thread relay = new Thread(() -> {
                try {
                    for (;;) {
                        int call = Calls.QUEUE.take();
                        permits.acquire();
                        Calls.relay(call);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "relay");
            relay.setDaemon(true);
            relay.start();
        }
        Thread.sleep(Long.getLong("bench.idle", 1500));
        long start = Calls.burst();
        Calls.awaitDrained();
        String stamps = Arrays.stream(Calls.relayed()).map(t -> t - start).sorted().mapToObj(Long::toString)
                .collect(Collectors.joining("\n"));
        Files.writeString(Path.of(System.getProperty("bench.out")), stamps + "\n");
        System.exit(0);
    }

    /** One permit for one call, waiting as long as the limiter says. */
    private interface Permits {
        void acquire() throws InterruptedException;
    }

    private static Permits guava(int limit) {
        RateLimiter limiter = RateLimiter.create(limit);
        return limiter::acquire;
    }

    private static Permits bucket4j(int limit) {
        Bucket bucket = Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit).refillGreedy(limit, Duration.ofSeconds(1)).build())
                .build();
        return () -> bucket.asBlocking().consume(1);
    }
}
