package io.ptimer.agent.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;

@Name("io.ptimer.ControlRequest")
@Label("Control Request")
@Category("ptimer")
@Description("An operator's request: pause, continue, start, loop, end or set, and what came of it; or a set taken from the cluster")
final class ControlEvent extends jdk.jfr.Event {
    @Label("Request")
    @Description("pause, continue, start, loop, end, or set attribute=value")
    String request;
    @Label("Timer")
    String timer;
    @Label("Worker")
    @Description("-1 for every worker")
    int worker;
    @Label("Via")
    @Description("The MBean it came through, and the calling thread (an RMI connection thread for the command line and remote"
            + " consoles); or the cluster and the step it holds from")
    String via;
    @Label("Outcome")
    @Description("What the request returned, or why it was refused")
    String outcome;

    static void emit(String request, String timer, int worker, String via, String outcome) {
        ControlEvent e = new ControlEvent();
        if (e.shouldCommit()) {
            e.request = request;
            e.timer = timer;
            e.worker = worker;
            e.via = via;
            e.outcome = outcome;
            e.commit();
        }
    }
}
