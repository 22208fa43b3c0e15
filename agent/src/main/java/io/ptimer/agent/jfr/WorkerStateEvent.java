package io.ptimer.agent.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

@Name("io.ptimer.WorkerState")
@Label("Worker State")
@Category("ptimer")
@StackTrace(false)
@Description("A ptimer worker entered its start, loop or end route, paused, or resumed")
final class WorkerStateEvent extends jdk.jfr.Event {
    @Label("Timer")
    String timer;
    @Label("Worker")
    int worker;
    @Label("State")
    @Description("start, loop, end, paused or resumed")
    String state;

    static void emit(String timer, int worker, String state) {
        WorkerStateEvent e = new WorkerStateEvent();
        if (e.shouldCommit()) {
            e.timer = timer;
            e.worker = worker;
            e.state = state;
            e.commit();
        }
    }
}
