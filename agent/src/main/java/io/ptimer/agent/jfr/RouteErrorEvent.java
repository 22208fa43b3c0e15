package io.ptimer.agent.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

@Name("io.ptimer.RouteError")
@Label("Route Error")
@Category("ptimer")
@StackTrace(false)
@Description("A route, timer function or task threw; counted, and the thread went on")
final class RouteErrorEvent extends jdk.jfr.Event {
    @Label("Source")
    @Description("Who ran it, e.g. timer \"t1\" worker 0")
    String source;
    @Label("Role")
    @Description("start, loop, end, exec, delayed, task, or empty")
    String role;
    @Label("Route")
    String route;
    @Label("Exception Class")
    Class<?> exceptionClass;
    @Label("Message")
    @Description("What the exception says of itself")
    String message;

    static void emit(String source, String role, Object route, Throwable error, String description) {
        RouteErrorEvent e = new RouteErrorEvent();
        if (e.shouldCommit()) {
            e.source = source;
            e.role = role;
            e.route = route == null ? null : String.valueOf(route);
            e.exceptionClass = error.getClass();
            e.message = description;
            e.commit();
        }
    }
}
