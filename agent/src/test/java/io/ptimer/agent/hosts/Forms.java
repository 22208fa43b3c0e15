package io.ptimer.agent.hosts;

import io.ptimer.api.Route;
import io.ptimer.api.TimerContext;

/** Every route form a ptimer route may take. */
public final class Forms {
    private static int staticInts;
    private static int staticBooleans;

    public static void staticVoid() {
        Events.say("EV form staticVoid");
    }

    public static int staticInt(TimerContext ctx) {
        Events.emit("loop", ctx, "form=staticInt");
        return ++staticInts >= 2 ? -1 : 0;
    }

    public static boolean staticBoolean() {
        Events.say("EV form staticBoolean");
        return ++staticBooleans < 2;
    }

    public static void end(TimerContext ctx) {
        Events.emit("end", ctx);
    }

    /** Instance forms. */
    public static class Instance {
        private int loops;

        public boolean loop(TimerContext ctx) {
            Events.emit("loop", ctx, "form=instanceBoolean", "n=" + ++loops);
            return loops < 3;
        }

        private int plains;

        /** No argument, on one instance per worker: counts its own calls, and ends after the third. */
        public int plain() {
            Events.say("EV form instancePlain n=" + ++plains);
            return plains >= 3 ? -1 : 1;
        }
    }

    /** A route class. */
    public static class Tick implements Route {
        private int loops;

        @Override
        public int run(TimerContext ctx) {
            Events.emit("loop", ctx, "form=routeClass", "n=" + ++loops);
            return loops >= 2 ? END : CONTINUE;
        }
    }

    /** Wrong shapes, for configuration errors. */
    public static class Wrong {
        public static long returnsLong() {
            return 1;
        }

        public static void takesString(String s) {
        }

        static void hidden() {
        }
    }

    /** No public no-arg constructor. */
    public static class NoDefaultConstructor {
        public NoDefaultConstructor(int x) {
        }

        public void loop() {
        }
    }

    /** Not a route. */
    public static class NotARoute {
    }
}
