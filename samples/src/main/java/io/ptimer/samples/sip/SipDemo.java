package io.ptimer.samples.sip;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The SIP shaping demo on one machine, loopback only: SIPp as the carrier ({@code sipp -sn uas}),
 * the {@link ShapingProxy} in its own JVM with the ptimer agent, and SIPp as the customer
 * ({@code sipp -sn uac}) flooding the proxy well above the carrier's limit. When the customer is
 * done, every process is stopped and the carrier's trace is measured. Prints the report, a
 * {@code figures sip ...} line and writes {@code invites-<shaper>.png}; exits 0 when the contract
 * held, 1 when it did not, 2 on bad options or a missing {@code sipp}.
 *
 * <p>With {@code --shaper kamailio} the proxy is Kamailio itself, running the ptimer module's admin
 * guide's global shaping example ({@code samples/kamailio/global-shaping.cfg}) from the install
 * given with {@code --kamailio PATH} ({@code sbin/kamailio}, {@code lib64/kamailio/modules}).
 *
 * <p>Options: {@code --shaper ptimer|guava|kamailio} (default ptimer), {@code --rate} calls a second offered
 * (400), {@code --calls} (1200), {@code --limit} the carrier's calls a second (100), {@code --config},
 * {@code --agent}, {@code --classpath}, {@code --out} (paths, defaults relative to the repository
 * root), {@code --queue-timeout} seconds (30), {@code --ports auto} (default: 5060, 5070 and 5080
 * for proxy, carrier and customer, each replaced by a free port if taken), {@code --kamailio} and
 * {@code --kamailio-config}.
 */
public final class SipDemo {
    private final Processes processes = new Processes();

    private SipDemo() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>(Map.of("shaper", "ptimer", "rate", "400", "calls", "1200", "limit", "100",
                "config", "samples/config/sip-shaping.cfg", "agent", "agent/target/ptimer-agent.jar",
                "classpath", "samples/target/classes:samples/target/lib/*", "out", "samples/target/sip-demo",
                "queue-timeout", "30", "ports", "default"));
        o.putAll(Map.of("kamailio", "", "kamailio-config", "samples/kamailio/global-shaping.cfg"));
        for (int i = 0; i < args.length; i += 2) {
            String key = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (!o.containsKey(key) || i + 1 >= args.length) {
                fail(2, "SipDemo: " + (o.containsKey(key) ? args[i] + " needs a value" : "unknown option \"" + args[i] + "\"")
                        + "; options: --" + String.join(", --", o.keySet()));
            }
            o.put(key, args[i + 1]);
        }
        if (!List.of("ptimer", "guava", "kamailio").contains(o.get("shaper"))) {
            fail(2, "SipDemo: --shaper \"" + o.get("shaper") + "\": expected ptimer, guava or kamailio");
        }
        if (o.get("shaper").equals("kamailio") && !Files.isExecutable(Path.of(o.get("kamailio"), "sbin", "kamailio"))) {
            fail(2, "SipDemo: --shaper kamailio needs --kamailio PATH, a Kamailio install prefix with sbin/kamailio"
                    + (o.get("kamailio").isEmpty() ? "" : "; there is none under " + o.get("kamailio")));
        }
        int rate = number(o, "rate");
        int calls = number(o, "calls");
        int limit = number(o, "limit");
        Path sipp = Sipp.find();
        if (sipp == null) {
            fail(2, "SipDemo: sipp is not on the PATH; install SIPp (Debian and Ubuntu: apt-get install sip-tester)");
        }
        SipDemo demo = new SipDemo();
        Thread cleanup = new Thread(demo.processes::stopAll, "sip-demo-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        boolean held;
        try {
            held = demo.run(sipp, o, rate, calls, limit);
        } finally {
            demo.processes.stopAll();
        }
        System.exit(held ? 0 : 1);
    }

    private boolean run(Path sipp, Map<String, String> o, int rate, int calls, int limit) throws Exception {
        String shaper = o.get("shaper");
        Path out = Path.of(o.get("out")).toAbsolutePath();
        Files.createDirectories(out);
        int[] ports = ports(o.get("ports"));
        Path carrierTrace = out.resolve("carrier-" + shaper + ".trace");
        Path customerTrace = out.resolve("customer-" + shaper + ".trace");
        Path stats = out.resolve("customer-" + shaper + ".csv");
        for (Path p : List.of(carrierTrace, customerTrace, stats)) {
            Files.deleteIfExists(p);
        }
        boolean kamailio = shaper.equals("kamailio");
        System.out.printf("SIP shaping demo, shaper %s: SIPp customer 127.0.0.1:%d -> %s 127.0.0.1:%d -> SIPp carrier 127.0.0.1:%d%n",
                shaper, ports[2], kamailio ? "Kamailio" : "ShapingProxy", ports[0], ports[1]);
        System.out.printf("flood: %d calls at %d calls/s; carrier limit %d calls/s (%s)%n", calls, rate, limit,
                switch (shaper) {
                    case "ptimer" -> o.get("config");
                    case "kamailio" -> o.get("kamailio-config");
                    default -> "Guava RateLimiter at " + limit + "/s";
                });
        processes.started(Sipp.carrier(sipp, ports[1], carrierTrace, out.resolve("carrier-" + shaper + ".log")));

        List<String> cmd = kamailio ? kamailio(o, ports, out) : shapingProxy(o, shaper, limit, ports);
        Path proxyLog = out.resolve("proxy-" + shaper + ".log");
        Process proxy = processes.started(new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(proxyLog.toFile()).start());
        awaitLine(proxy, proxyLog, kamailio ? "queue worker 7 started" : "ShapingProxy: udp");

        int seconds = calls / limit * 2 + 30;
        Process customer = processes.started(Sipp.customer(sipp, ports[2], ports[0], rate, calls, seconds, customerTrace, stats,
                out.resolve("customer-" + shaper + ".log")));
        if (!customer.waitFor(seconds + 10L, TimeUnit.SECONDS)) {
            customer.destroy();
        }
        customer.waitFor();
        int customerExit = customer.exitValue();
        List<ProcessHandle> forked = proxy.descendants().toList();
        proxy.destroy();
        proxy.waitFor(10, TimeUnit.SECONDS);
        forked.forEach(ProcessHandle::destroyForcibly);
        processes.stopAll();

        Map<String, String> figures = words(Files.readAllLines(proxyLog).stream().filter(l -> l.startsWith("figures proxy "))
                .findFirst().orElse(""));
        SippTrace offered = SippTrace.invites(customerTrace, "S");
        SippTrace arrived = SippTrace.invites(carrierTrace, "R");
        DemoReport report = new DemoReport(limit, calls, offered, arrived,
                figures, SippTrace.lastStat(stats, "SuccessfulCall(C)"), SippTrace.lastStat(stats, "FailedCall(C)"), customerExit,
                SippTrace.answerDelays(customerTrace));
        System.out.println();
        report.lines().forEach(System.out::println);
        Path png = out.resolve("invites-" + shaper + ".png");
        InviteChart.write("INVITEs per 100 ms, shaper " + shaper, offered.callMicros(), arrived.callMicros(), limit, png);
        System.out.println("  chart: " + png);
        System.out.println("  logs and traces: " + out);
        System.out.println("figures sip shaper=" + shaper + " " + report.words());
        System.out.println(report.held() ? "contract held" : "CONTRACT BROKEN");
        return report.held();
    }

    /** The ShapingProxy's JVM, with the agent when the shaper is ptimer. */
    private static List<String> shapingProxy(Map<String, String> o, String shaper, int limit, int[] ports) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (shaper.equals("ptimer")) {
            cmd.add("-javaagent:" + o.get("agent") + "=config=" + o.get("config"));
        }
        cmd.addAll(List.of("-cp", o.get("classpath"), ShapingProxy.class.getName(), "--listen", "127.0.0.1:" + ports[0],
                "--upstream", "127.0.0.1:" + ports[1], "--queue-timeout", o.get("queue-timeout"), "--shaper", shaper,
                "--rate", String.valueOf(limit)));
        return cmd;
    }

    /**
     * Kamailio in the foreground with the shaping configuration, its module path, a run directory of
     * its own, the proxy's address and the carrier's ({@code CARRIER}, the configuration's define).
     */
    private static List<String> kamailio(Map<String, String> o, int[] ports, Path out) throws IOException {
        Path prefix = Path.of(o.get("kamailio")).toAbsolutePath();
        Path run = Files.createDirectories(out.resolve("kamailio-run"));
        return List.of(prefix.resolve("sbin/kamailio").toString(), "-DD", "-E", "-f",
                Path.of(o.get("kamailio-config")).toAbsolutePath().toString(), "-L", prefix.resolve("lib64/kamailio/modules") + "/",
                "-Y", run.toString(), "-l", "udp:127.0.0.1:" + ports[0], "-A", "CARRIER=\"sip:127.0.0.1:" + ports[1] + "\"");
    }

    private static void awaitLine(Process p, Path log, String text) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readAllLines(log).stream().anyMatch(l -> l.contains(text))) {
                return;
            }
            if (!p.isAlive()) {
                break;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the proxy did not start:\n" + (Files.exists(log) ? Files.readString(log) : ""));
    }

    /** Proxy, carrier and customer ports on 127.0.0.1. */
    private static int[] ports(String choice) throws SocketException {
        int[] preferred = {5060, 5070, 5080};
        int[] ports = new int[3];
        List<DatagramSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                DatagramSocket s = null;
                if (!choice.equals("auto")) {
                    try {
                        s = new DatagramSocket(preferred[i], InetAddress.getLoopbackAddress());
                    } catch (SocketException taken) {
                        s = null;
                    }
                }
                if (s == null) {
                    s = new DatagramSocket(0, InetAddress.getLoopbackAddress());
                }
                held.add(s);
                ports[i] = s.getLocalPort();
            }
        } finally {
            held.forEach(DatagramSocket::close);
        }
        return ports;
    }

    private static Map<String, String> words(String line) {
        Map<String, String> words = new HashMap<>();
        for (String w : line.split(" ")) {
            int eq = w.indexOf('=');
            if (eq > 0) {
                words.put(w.substring(0, eq), w.substring(eq + 1));
            }
        }
        return words;
    }

    private static int number(Map<String, String> o, String key) {
        try {
            int n = Integer.parseInt(o.get(key));
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        fail(2, "SipDemo: --" + key + " \"" + o.get(key) + "\": expected a whole number > 0");
        return 0;
    }

    private static void fail(int status, String message) {
        System.err.println(message);
        System.exit(status);
    }
}
