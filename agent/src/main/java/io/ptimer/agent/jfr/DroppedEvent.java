package io.ptimer.agent.jfr;

import jdk.jfr.Category;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

@Name("io.ptimer.AsyncDropped")
@Label("Async Work Dropped")
@Category("ptimer")
@StackTrace(false)
final class DroppedEvent extends jdk.jfr.Event {
    @Label("What")
    String what;
    @Label("Count")
    long count;

    static void emit(String what, long count) {
        DroppedEvent e = new DroppedEvent();
        if (e.shouldCommit()) {
            e.what = what;
            e.count = count;
            e.commit();
        }
    }
}
