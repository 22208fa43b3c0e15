package io.ptimer.agent.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ptimer.agent.config.ConfigException;
import io.ptimer.api.AsyncContext;
import io.ptimer.api.Route;
import io.ptimer.api.RtimerContext;
import io.ptimer.api.TimerContext;
import io.ptimer.api.TkvEvent;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every route shape the timer systems need, bound and called without reflection, and what does not fit. */
class RouteBinderTest {
    static final List<String> CALLS = new ArrayList<>();

    /** Routes of every form. */
    public static final class Shapes {
        public int count;

        public static void staticVoid() {
            CALLS.add("staticVoid");
        }

        public static int staticInt(TimerContext ctx) {
            CALLS.add("staticInt " + ctx.name());
            return -1;
        }

        public boolean instanceBoolean(TimerContext ctx) {
            count++;
            return count < 2;
        }

        public static String rtimer(RtimerContext ctx) {
            CALLS.add("rtimer " + ctx.worker());
            return "ignored";
        }

        public long rtimerLong(RtimerContext ctx) {
            CALLS.add("rtimerLong");
            return 7L;
        }

        public static void async(AsyncContext ctx) {
            CALLS.add("async " + ctx.data());
        }

        public static double tkv(TkvEvent event) {
            CALLS.add("tkv " + event.key());
            return 1.5;
        }

        public static String badReturn(TimerContext ctx) {
            return "";
        }

        static void hidden() {
        }

        public static void wrongParameter(String s) {
        }
    }

    /** A route class. */
    public static final class AsClass implements Route {
        @Override
        public int run(TimerContext ctx) {
            CALLS.add("class " + ctx.worker());
            return Route.CONTINUE;
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T context(Class<T> type) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, a) -> switch (m.getName()) {
            case "name", "key", "data" -> "x";
            case "worker" -> 3;
            default -> null;
        });
    }

    private static BoundRoute bind(String route, RouteShape shape) throws ConfigException {
        return RouteBinder.bind(RouteSpec.parse(route, shape, "test \"" + route + "\""), Shapes.class);
    }

    private static int call(BoundRoute route, Object target, Object ctx) {
        return route.invoker().applyAsInt(target, ctx);
    }

    @Test
    void ptimerMethodsMapTheirResults() throws Exception {
        CALLS.clear();
        String s = Shapes.class.getName();
        BoundRoute v = bind(s + "::staticVoid", RouteShape.PTIMER);
        assertNull(v.factory());
        assertEquals(Route.CONTINUE, call(v, null, null));
        assertEquals(-1, call(bind(s + "::staticInt", RouteShape.PTIMER), null, context(TimerContext.class)));
        BoundRoute b = bind(s + "::instanceBoolean", RouteShape.PTIMER);
        assertNotNull(b.factory());
        Object target = assertDoesNotThrowInvoke(b);
        assertEquals(1, call(b, target, context(TimerContext.class)));
        assertEquals(-1, call(b, target, context(TimerContext.class)));
        assertEquals(List.of("staticVoid", "staticInt x"), CALLS);
    }

    private static Object assertDoesNotThrowInvoke(BoundRoute route) throws Exception {
        try {
            return route.factory().invoke();
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    @Test
    void aRouteClassIsCalledThroughItsInterface() throws Exception {
        CALLS.clear();
        BoundRoute r = RouteBinder.bind(RouteSpec.parse(AsClass.class.getName(), RouteShape.PTIMER, "test"),
                AsClass.class);
        assertEquals(Route.CONTINUE, call(r, new AsClass(), context(TimerContext.class)));
        assertEquals(List.of("class 3"), CALLS);
    }

    @Test
    void theOtherSystemsShapesIgnoreAnyResult() throws Exception {
        CALLS.clear();
        String s = Shapes.class.getName();
        assertEquals(1, call(bind(s + "::rtimer", RouteShape.RTIMER), null, context(RtimerContext.class)));
        BoundRoute l = bind(s + "::rtimerLong", RouteShape.RTIMER);
        assertEquals(1, call(l, new Shapes(), context(RtimerContext.class)));
        assertEquals(1, call(bind(s + "::async", RouteShape.ASYNC), null, context(AsyncContext.class)));
        assertEquals(1, call(bind(s + "::tkv", RouteShape.TKV), null, context(TkvEvent.class)));
        assertEquals(1, call(bind(s + "::staticVoid", RouteShape.TKV), null, null));
        assertEquals(List.of("rtimer 3", "rtimerLong", "async x", "tkv x", "staticVoid"), CALLS);
    }

    @Test
    void whatDoesNotFitIsAConfigurationErrorNamingTheEntry() {
        String s = Shapes.class.getName();
        assertTrue(assertThrows(ConfigException.class, () -> bind(s + "::badReturn", RouteShape.PTIMER)).getMessage()
                .endsWith("badReturn must return void, int or boolean, not java.lang.String"));
        assertTrue(assertThrows(ConfigException.class, () -> bind(s + "::hidden", RouteShape.PTIMER)).getMessage()
                .endsWith("has no public method hidden (hidden exists but is not public)"));
        assertTrue(assertThrows(ConfigException.class, () -> bind(s + "::wrongParameter", RouteShape.RTIMER))
                .getMessage().contains("must take () or (io.ptimer.api.RtimerContext), found void wrongParameter("
                        + "java.lang.String)"));
        assertTrue(assertThrows(ConfigException.class, () -> bind(s + "::staticInt", RouteShape.ASYNC)).getMessage()
                .contains("must take () or (io.ptimer.api.AsyncContext)"));
        assertTrue(assertThrows(ConfigException.class, () -> bind(s + "::missing", RouteShape.PTIMER)).getMessage()
                .startsWith("test \"" + s + "::missing\": "));
    }

    @Test
    void onlyPtimerTakesARouteClass() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RouteSpec.parse("com.example.Jobs", RouteShape.RTIMER, "exec"));
        assertEquals("exec: route must be com.example.Class::method; \"com.example.Jobs\" names no method", e.getMessage());
        assertEquals("com.example.Jobs", RouteSpec.parse("com.example.Jobs", RouteShape.PTIMER, "loop").display());
    }
}
