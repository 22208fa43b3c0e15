package io.ptimer.samples.sip;

import io.ptimer.samples.calls.Upstream;
import io.ptimer.samples.shaping.LateRelays;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A SIP proxy that shapes the calls it relays upstream (ptimer §6.1 with real SIP): it answers each
 * new INVITE {@code 100 Trying}, queues it, and relays the queue to the upstream carrier at the
 * rate of the ptimer timer configured for it; a call queued longer than {@code --queue-timeout}
 * (default 30 s) is answered {@code 503}. Prints a row whenever the counts change and, when the JVM
 * is stopped (SIGTERM or Ctrl-C), a {@code figures proxy ...} line with the counts and its own
 * measures of the relays. In cluster mode it also prints a {@code cluster ...} line whenever its
 * role, the leader or whether it may send changes.
 *
 * <pre>
 * java -javaagent:agent/target/ptimer-agent.jar=config=samples/config/sip-shaping.cfg \
 *      -cp "samples/target/classes:samples/target/lib/*" io.ptimer.samples.sip.ShapingProxy \
 *      --listen 127.0.0.1:5060 --upstream 127.0.0.1:5070
 * </pre>
 *
 * {@code --shaper guava} relays with a Guava {@code RateLimiter} at {@code --rate} (default 100)
 * calls a second instead, with or without the agent.
 */
public final class ShapingProxy {
    private ShapingProxy() {
    }

    public static void main(String[] args) throws InterruptedException {
        ProxyOptions options;
        Endpoint listen;
        try {
            options = ProxyOptions.parse(args);
            listen = new Endpoint(address("--listen", options.listen().host()), options.listen().port());
            address("--upstream", options.upstream().host());
        } catch (Endpoint.BadOption e) {
            System.err.println("ShapingProxy: " + e.getMessage());
            System.exit(2);
            return;
        }
        ProxyCounts counts = new ProxyCounts();
        RelayLog relayLog = RelayLog.to(options.relayLog());
        SipProxy proxy;
        try {
            proxy = SipProxy.start(listen, options.upstream(), counts, relayLog);
        } catch (Exception e) {
            System.err.println("ShapingProxy: cannot listen on udp " + listen + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        if (options.shaper().equals("guava")) {
            GuavaRelay.start(options.rate());
        }
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "proxy-queue-timeout");
            t.setDaemon(true);
            return t;
        });
        timers.scheduleWithFixedDelay(() -> SuspendedCalls.expire(options.queueTimeout()), 100, 100, TimeUnit.MILLISECONDS);
        Status status = new Status(counts, relayLog);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            status.stop();
            proxy.stop();
        }, "proxy-stop"));

        System.out.printf(Locale.ROOT, "ShapingProxy: udp %s -> %s, shaper %s, queue timeout %.1f s, shaped queues %s%n",
                listen, options.upstream(), options.shaper(), options.queueTimeout().toMillis() / 1000.0,
                ShapedQueues.names().isEmpty() ? "none" : String.join(",", ShapedQueues.names()));
        if (ShapedQueues.names().isEmpty()) {
            System.out.println("ShapingProxy: no timer drains a call queue, so every call is answered 503: start the JVM with"
                    + " -javaagent:agent/target/ptimer-agent.jar=config=samples/config/sip-shaping.cfg");
        }
        System.out.printf("%8s %8s %8s %8s %9s %8s %14s%n", "s", "offered", "queued", "relayed", "completed", "errors", "most in 100 ms");
        System.out.flush();
        status.run();
    }

    private static String address(String option, String host) {
        try {
            return InetAddress.getByName(host).getHostAddress();
        } catch (UnknownHostException e) {
            throw new Endpoint.BadOption(option + " \"" + host + "\": unknown host");
        }
    }

    /** The row printed each second the counts changed, and the figures line at the end. */
    private static final class Status {
        private final ProxyCounts counts;
        private final RelayLog relayLog;
        private final RelayMeter meter = new RelayMeter();
        private final long start = System.nanoTime();
        private volatile boolean stopped;
        private String last = "";
        private String lastCluster = "";

        Status(ProxyCounts counts, RelayLog relayLog) {
            this.counts = counts;
            this.relayLog = relayLog;
        }

        /** Prints until {@link #stop}; runs on the main thread. */
        void run() throws InterruptedException {
            while (!stopped) {
                Thread.sleep(1000);
                row();
            }
        }

        synchronized void row() {
            meter.add(Upstream.named("carrier").drain());
            relayLog.flush();
            int queued = SuspendedCalls.size();
            String now = counts.offered + " " + queued + " " + counts.relayed + " " + counts.completed + " " + counts.errors();
            int most = meter.most100msSinceLast();
            if (!now.equals(last)) {
                System.out.printf(Locale.ROOT, "%8.0f %8d %8d %8d %9d %8d %14d%n", (System.nanoTime() - start) / 1e9,
                        counts.offered.get(), queued, counts.relayed.get(), counts.completed.get(), counts.errors(), most);
                last = now;
            }
            String cluster = ClusterLine.now();
            if (!cluster.equals(lastCluster)) {
                System.out.println(cluster);
                lastCluster = cluster;
            }
        }

        synchronized void stop() {
            stopped = true;
            row();
            System.out.println("figures proxy " + counts.words() + " queued=" + SuspendedCalls.size() + " " + meter.words()
                    + ClusterLine.figures() + " late_relays=" + LateRelays.late() + " paid_back=" + LateRelays.paidBack());
            System.out.flush();
        }
    }
}
