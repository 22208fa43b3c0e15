package io.ptimer.agent.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

@Name("io.ptimer.LateLoop")
@Label("Late Loop")
@Category("ptimer")
@StackTrace(false)
@Description("A loop or run that began later than its threshold after it was due (timer attribute jfr_late)")
final class LateEvent extends jdk.jfr.Event {
    @Label("System")
    @Description("ptimer, rtimer, core or async")
    String system;
    @Label("Timer")
    String timer;
    @Label("Worker")
    @Description("Worker or thread index; -1 where there is none")
    int worker;
    @Label("Lateness")
    @Timespan(Timespan.NANOSECONDS)
    long lateness;
    @Label("Threshold")
    @Timespan(Timespan.NANOSECONDS)
    long threshold;

    static void emit(String system, String timer, int worker, long lateness, long threshold) {
        LateEvent e = new LateEvent();
        if (e.shouldCommit()) {
            e.system = system;
            e.timer = timer;
            e.worker = worker;
            e.lateness = lateness;
            e.threshold = threshold;
            e.commit();
        }
    }
}
