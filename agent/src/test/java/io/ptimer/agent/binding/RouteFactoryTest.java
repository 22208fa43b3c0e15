package io.ptimer.agent.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ptimer.agent.config.ConfigException;
import io.ptimer.api.RouteFactories;
import io.ptimer.api.RouteFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Route instances made by the application's route factory where one is installed, else by the no-argument constructor. */
class RouteFactoryTest {

    /** A route whose dependency only the application can give. */
    public static final class Injected {
        final String queue;

        public Injected(String queue) {
            this.queue = queue;
        }

        public void loop() {
        }
    }

    /** A route with a no-argument constructor. */
    public static final class Plain {
        public void loop() {
        }
    }

    @AfterEach
    void uninstall() {
        RouteFactory installed = RouteFactories.installed();
        if (installed != null) {
            RouteFactories.uninstall(installed);
        }
    }

    private static BoundRoute bind(Class<?> type, boolean factoryMade) throws ConfigException {
        RouteSpec spec = RouteSpec.parse(type.getName() + "::loop", RouteShape.PTIMER, "loop").factoryMade(factoryMade);
        RouteBinder.check(spec, type);
        return RouteBinder.bind(spec, type);
    }

    @Test
    void aClassWithoutANoArgumentConstructorNeedsFactoryRequired() {
        ConfigException e = assertThrows(ConfigException.class, () -> bind(Injected.class, false));
        assertTrue(e.getMessage().endsWith("has no public no-argument constructor, needed for the instance method loop"
                + " (or have a route factory of the application make it: timer attribute factory=required)"),
                e.getMessage());
    }

    @Test
    void theInstalledFactoryMakesEveryInstance() throws Throwable {
        BoundRoute injected = bind(Injected.class, true);
        IllegalStateException none = assertThrows(IllegalStateException.class, () -> injected.factory().invoke());
        assertEquals("no route factory is installed (io.ptimer.api.RouteFactories.install) and " + Injected.class.getName()
                + " has no public no-argument constructor", none.getMessage());
        RouteFactories.install(type -> new Injected("call_queue"));
        assertEquals("call_queue", ((Injected) injected.factory().invoke()).queue);
        BoundRoute plain = bind(Plain.class, false);
        RouteFactory made = type -> type == Plain.class ? new Plain() : null;
        RouteFactories.install(made);
        assertTrue(plain.factory().invoke() instanceof Plain);
        IllegalStateException wrong = assertThrows(IllegalStateException.class, () -> injected.factory().invoke());
        assertTrue(wrong.getMessage().contains(" made null for " + Injected.class.getName()), wrong.getMessage());
        assertSame(made, RouteFactories.installed());
        assertTrue(RouteFactories.uninstall(made));
        assertTrue(plain.factory().invoke() instanceof Plain, "the constructor again");
    }
}
