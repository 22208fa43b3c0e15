package io.ptimer.samples.queuecontrol;

import io.ptimer.samples.calls.CallQueue;
import io.ptimer.samples.calls.CallSource;
import io.ptimer.samples.calls.Operator;
import io.ptimer.samples.calls.Relayed;
import io.ptimer.samples.calls.RunClock;
import io.ptimer.samples.calls.Traffic;
import io.ptimer.samples.calls.Upstream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Queue control (Kamailio ptimer module documentation, section 6.3.1): calls arrive steadily in
 * {@code call_queue}; {@code normal_timer}
 * relays them to the PSTN, and {@code holiday_timer} (paused from the start) to the IVR. When the
 * holiday starts an operator pauses {@code normal_timer} and continues {@code holiday_timer}, and the
 * other way round when it ends. By default the application plays the operator at 3 s and 6 s, over
 * JMX; with {@code --manual} it waits for an operator's commands. The outcome is read from the
 * relay log: which calls went where, and none lost or relayed twice. Exits 1 if a check failed.
 *
 * <p>Run with {@code -javaagent:agent/target/ptimer-agent.jar=config=samples/config/queue-control.cfg};
 * options {@code --seconds N} (default 9, or 60 with {@code --manual}) and {@code --manual}.
 */
public final class QueueControl {

    private QueueControl() {
    }

    public static void main(String[] args) throws InterruptedException {
        boolean manual = List.of(args).contains("--manual");
        int seconds = RunClock.option(args, "seconds", manual ? 60 : 9);
        CallQueue queue = CallQueue.named("call_queue");
        Upstream relay = Upstream.named("relay");
        CallSource callers = new CallSource("queue-control", queue, Traffic.steady(50));

        System.out.println("queue control: 50 calls/s into call_queue; normal_timer relays to " + QueueHandler.PSTN
                + ", holiday_timer to " + QueueHandler.IVR);
        if (manual) {
            System.out.println("pid " + ProcessHandle.current().pid() + "; from another terminal:");
            System.out.println("  holiday starts:  " + Operator.commandLine("pause", "normal_timer"));
            System.out.println("                   " + Operator.commandLine("continue", "holiday_timer"));
            System.out.println("  holiday ends:    " + Operator.commandLine("pause", "holiday_timer"));
            System.out.println("                   " + Operator.commandLine("continue", "normal_timer"));
        }
        System.out.printf("%4s %8s %8s %8s %8s%n", "s", "offered", "queued", "to PSTN", "to IVR");
        List<Relayed> log = new ArrayList<>();
        RunClock clock = new RunClock();
        callers.start(clock.startNanos(), seconds);
        long offeredBefore = 0;
        for (int s = 1; s <= seconds; s++) {
            clock.awaitSecond(s);
            if (!manual && s == 3) {
                operate("holiday starts", "pause", "normal_timer", "continue", "holiday_timer");
            } else if (!manual && s == 6) {
                operate("holiday ends", "pause", "holiday_timer", "continue", "normal_timer");
            }
            List<Relayed> fresh = relay.drain();
            log.addAll(fresh);
            long pstn = fresh.stream().filter(r -> r.target().equals(QueueHandler.PSTN)).count();
            System.out.printf("%4d %8d %8d %8d %8d%n", s, callers.offered() - offeredBefore, queue.size(), pstn, fresh.size() - pstn);
            offeredBefore = callers.offered();
        }
        callers.stop();
        log.addAll(relay.drain());

        Outcome outcome = Outcome.of(log, callers.offered(), queue.size(), relay.refused());
        System.out.println();
        System.out.println("outcome:");
        outcome.print();
        System.out.println(outcome.figures());
        System.out.println(outcome.ok(manual) ? "all checks passed" : "SOME CHECKS FAILED");
        System.out.flush();
        if (!outcome.ok(manual)) {
            System.exit(1);
        }
    }

    private static void operate(String what, String op1, String timer1, String op2, String timer2) {
        System.out.println("     " + what + ": kamcmd ptimer." + op1 + " " + timer1 + "; kamcmd ptimer." + op2 + " " + timer2);
        System.out.println("       " + Operator.send(op1, timer1));
        System.out.println("       " + Operator.send(op2, timer2));
    }

    /** Where the relayed calls went, in the order they were relayed. */
    record Outcome(long offered, long relayed, long queued, long twice, long pstn, long ivr, int switches,
            long pstnDuringHoliday) {

        static Outcome of(List<Relayed> log, long offered, long queued, long twice) {
            long pstn = log.stream().filter(r -> r.target().equals(QueueHandler.PSTN)).count();
            int switches = 0;
            int firstIvr = -1;
            int lastIvr = -1;
            for (int i = 0; i < log.size(); i++) {
                if (i > 0 && !log.get(i).target().equals(log.get(i - 1).target())) {
                    switches++;
                }
                if (log.get(i).target().equals(QueueHandler.IVR)) {
                    firstIvr = firstIvr < 0 ? i : firstIvr;
                    lastIvr = i;
                }
            }
            long during = firstIvr < 0 ? 0 : log.subList(firstIvr, lastIvr + 1).stream()
                    .filter(r -> r.target().equals(QueueHandler.PSTN)).count();
            return new Outcome(offered, log.size(), queued, twice, pstn, log.size() - pstn, switches, during);
        }

        long lost() {
            return offered - relayed - queued;
        }

        boolean ok(boolean manual) {
            return lost() == 0 && twice == 0 && pstnDuringHoliday == 0 && (manual || (switches == 2 && ivr > 0));
        }

        void print() {
            line("offered / relayed / still queued", offered + " / " + relayed + " / " + queued, "", true);
            line("calls lost / relayed twice", lost() + " / " + twice, "0 / 0", lost() == 0 && twice == 0);
            line("to PSTN / to IVR", pstn + " / " + ivr, "", true);
            line("changes of target, in relay order", String.valueOf(switches), "2: PSTN, IVR, PSTN", switches == 2);
            line("PSTN relays during the holiday", String.valueOf(pstnDuringHoliday), "0", pstnDuringHoliday == 0);
        }

        String figures() {
            return String.format(Locale.ROOT, "figures offered=%d relayed=%d queued=%d lost=%d twice=%d pstn=%d ivr=%d switches=%d pstn_during_holiday=%d",
                    offered, relayed, queued, lost(), twice, pstn, ivr, switches, pstnDuringHoliday);
        }

        private static void line(String label, String value, String bound, boolean ok) {
            System.out.printf("  %-36s %18s  %-20s %s%n", label, value, bound, ok ? "ok" : "FAILED");
        }
    }
}
