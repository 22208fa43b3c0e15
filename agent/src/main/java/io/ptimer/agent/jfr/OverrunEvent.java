package io.ptimer.agent.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

@Name("io.ptimer.Overrun")
@Label("Overrun")
@Category("ptimer")
@StackTrace(false)
@Description("A run on a grid that ended past its next grid point")
final class OverrunEvent extends jdk.jfr.Event {
    @Label("System")
    String system;
    @Label("Timer")
    String timer;
    @Label("Worker")
    int worker;
    @Label("Interval")
    @Timespan(Timespan.NANOSECONDS)
    long interval;
    @Label("Past The Grid Point")
    @Description("How long after the next grid point the run ended")
    @Timespan(Timespan.NANOSECONDS)
    long past;
    @Label("Skipped Points")
    @Description("Grid points skipped after it (overrun=skip); 0 when the grid restarts")
    long skipped;

    static void emit(String system, String timer, int worker, long interval, long past, long skipped) {
        OverrunEvent e = new OverrunEvent();
        if (e.shouldCommit()) {
            e.system = system;
            e.timer = timer;
            e.worker = worker;
            e.interval = interval;
            e.past = past;
            e.skipped = skipped;
            e.commit();
        }
    }
}
