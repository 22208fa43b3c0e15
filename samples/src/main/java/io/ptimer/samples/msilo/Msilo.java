package io.ptimer.samples.msilo;

import io.ptimer.api.CoreTimers;
import io.ptimer.api.TimerHandle;
import io.ptimer.samples.calls.RunClock;
import io.ptimer.samples.sql.SampleArgs;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Stored-message cleanup (Kamailio's core timer API documentation, the msilo example): messages for
 * offline users are stored in the {@code silo} table of an embedded H2 database and sent when the
 * user comes online; the core timer {@code msilo-clean}, registered by this code with
 * {@code CoreTimers.registerTimer} as msilo's {@code mod_init} does with {@code register_timer},
 * deletes every check time the messages whose delivery was confirmed, and every clean period of
 * checks the expired ones. Prints each run of the cleaner and an outcome whose {@code figures} line
 * the integration test reads. Exits 1 if a check failed.
 *
 * <p>Run with {@code -javaagent:agent/target/ptimer-agent.jar} (no timer configuration needed);
 * options {@code --seconds N} (default 10), {@code --check-time S} (default 1; msilo's default is
 * 30), {@code --clean-period N} (default 3; msilo's default is 5) and {@code --expires S} (default 3;
 * msilo's default is 259200).
 */
public final class Msilo {
    private static final int STEPS_PER_SECOND = 4;

    private Msilo() {
    }

    public static void main(String[] args) {
        SampleArgs options = SampleArgs.parse("msilo", args, "seconds", "check-time", "clean-period", "expires");
        int seconds = options.get("seconds", 10);
        int checkTime = options.get("check-time", 1);
        int cleanPeriod = options.get("clean-period", 3);
        Silo silo = new Silo();
        MessageList list = new MessageList();
        Checks checks = new Checks();
        Deliveries deliveries = new Deliveries(silo, list, options.get("expires", 3) * 1000L);
        System.out.printf(Locale.ROOT, "msilo: stored messages in an embedded H2 database; core timer msilo-clean every"
                + " %d s deletes the delivered ones, and the expired ones when ticks %% %d < %d%n", checkTime,
                checkTime * cleanPeriod, checkTime);

        RunClock clock = new RunClock();
        try (TimerHandle cleaner = CoreTimers.registerTimer("msilo-clean",
                new SiloCleaner(list, checks, checkTime, cleanPeriod), silo, checkTime)) {
            for (int k = 0; k < seconds * STEPS_PER_SECOND; k++) {
                clock.awaitSecond((double) k / STEPS_PER_SECOND);
                deliveries.step(k);
            }
            deliveries.finish();
            clock.awaitSecond(seconds + checkTime + 0.5);
        }

        Outcome outcome = Outcome.of(checks.all(), deliveries, silo.stored(deliveries.confirmed()), silo.rows(),
                checkTime * cleanPeriod, checkTime);
        System.out.println();
        System.out.println("outcome:");
        outcome.print();
        System.out.println(outcome.figures());
        System.out.println(outcome.ok() ? "all checks passed" : "SOME CHECKS FAILED");
        System.out.flush();
        System.exit(outcome.ok() ? 0 : 1);
    }

    /** The cleaner's runs against what the application stored and delivered. */
    record Outcome(int checks, int cleans, long delivered, long expired, int checksWithoutDelivered,
            int checksKeepingExpired, long expiredAfterCleans, int cleansOffPeriod, long stored, long confirmed,
            long failed, long confirmedLeft, long left, String threads) {

        static Outcome of(List<Checks.Check> runs, Deliveries deliveries, long confirmedLeft, long left, int period,
                int checkTime) {
            Set<String> threads = new TreeSet<>();
            int cleans = 0;
            int withoutDelivered = 0;
            int keeping = 0;
            int offPeriod = 0;
            long delivered = 0;
            long expired = 0;
            long afterCleans = 0;
            for (int i = 0; i < runs.size(); i++) {
                Checks.Check c = runs.get(i);
                threads.add(c.thread());
                delivered += c.delivered();
                expired += c.expired();
                if (c.clean()) {
                    cleans++;
                    afterCleans += c.expiredLeft();
                } else if (c.expiredLeft() > 0) {
                    keeping++;
                }
                if (c.clean() != (c.ticks() % period < checkTime)) {
                    offPeriod++;
                }
                if (i > 0 && c.delivered() == 0) {
                    withoutDelivered++;
                }
            }
            return new Outcome(runs.size(), cleans, delivered, expired, withoutDelivered, keeping, afterCleans, offPeriod,
                    deliveries.messages(), deliveries.confirmed().size(), deliveries.failed(), confirmedLeft, left,
                    String.join(",", threads));
        }

        boolean ok() {
            return checks > 0 && cleans > 0 && confirmedLeft == 0 && expiredAfterCleans == 0 && cleansOffPeriod == 0
                    && delivered == confirmed;
        }

        void print() {
            line("cleaner runs / clean-period runs", checks + " / " + cleans, "", cleans > 0);
            line("stored / confirmed / failed", stored + " / " + confirmed + " / " + failed, "", true);
            line("delivered deleted", String.valueOf(delivered), String.valueOf(confirmed), delivered == confirmed);
            line("confirmed still stored", String.valueOf(confirmedLeft), "0", confirmedLeft == 0);
            line("expired deleted", String.valueOf(expired), "", true);
            line("expired left by clean runs", String.valueOf(expiredAfterCleans), "0", expiredAfterCleans == 0);
            line("runs keeping expired ones", String.valueOf(checksKeepingExpired), "", true);
            line("stored at the end", String.valueOf(left), "", true);
            line("thread", threads, "", true);
        }

        String figures() {
            return String.format(Locale.ROOT, "figures checks=%d cleans=%d delivered_deleted=%d expired_deleted=%d"
                            + " checks_without_delivered=%d checks_keeping_expired=%d expired_after_cleans=%d"
                            + " cleans_off_period=%d stored=%d confirmed=%d failed=%d confirmed_left=%d left=%d threads=%s",
                    checks, cleans, delivered, expired, checksWithoutDelivered, checksKeepingExpired, expiredAfterCleans,
                    cleansOffPeriod, stored, confirmed, failed, confirmedLeft, left, threads);
        }

        private static void line(String label, String value, String bound, boolean ok) {
            System.out.printf("  %-34s %18s  %-6s %s%n", label, value, bound, ok ? "ok" : "FAILED");
        }
    }
}
