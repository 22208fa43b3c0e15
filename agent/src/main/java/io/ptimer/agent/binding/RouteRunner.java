package io.ptimer.agent.binding;

import io.ptimer.agent.exec.Errors;
import io.ptimer.api.Route;
import java.util.HashMap;
import java.util.Map;

/**
 * Calls bound routes for one lane: makes the instance an instance route needs once per cycle,
 * catches what a route throws (counted and logged through {@link Errors}), and tells operators
 * which route is running and for how long. Confined to its lane's thread; the figures are readable
 * by anyone.
 *
 * <p>A {@link VirtualMachineError} (out of memory, stack overflow, an internal error) is counted
 * like any other failure and then rethrown: the JVM may no longer run the route's caller soundly,
 * so the caller ends what ran the route rather than run it again (docs/routes.md).
 */
public final class RouteRunner {
    private final boolean tracked;
    /** Who runs the routes, for messages. */
    private final String owner;
    /** Made at the first failure, as most runners never see one; written on the lane's thread, read by anyone. */
    private volatile Errors errors;
    /** The instances of the cycle beyond the last one made; {@code null} until routes of a second class run. */
    private Map<Class<?>, Object> instances;
    /** The instance made last, and its class: routes of one timer are mostly of one class. */
    private Class<?> lastOwner;
    private Object lastInstance;
    private boolean threw;
    /**
     * The label of the route running or run last: stored only when it changes, as a reference stored
     * at every run would give a concurrent collector a card to scan at every loop.
     */
    private String lastLabel;
    /** When the running route began (nanoTime, never 0), or 0 while none runs; published after {@link #lastLabel}. */
    private volatile long runningSince;

    /** @param owner who runs the routes, for messages, e.g. {@code timer "t1" worker 0} */
    public RouteRunner(String owner) {
        this(owner, true);
    }

    /**
     * @param tracked whether operators see the running route and its time ({@link #running()}); without,
     *                a run reads no clock (a task pool's worker, whose listing shows no running route)
     */
    public RouteRunner(String owner, boolean tracked) {
        this.tracked = tracked;
        this.owner = owner;
    }

    /**
     * Runs {@code route} with {@code context}.
     *
     * @param label the route's role for operators, e.g. {@code loop}
     * @return the route's result (1 for void, -1 for {@code false}), or {@link Route#END} when it threw
     * @throws VirtualMachineError when the route threw one, after counting it
     */
    public int run(String label, BoundRoute route, Object context) {
        threw = false;
        if (tracked) {
            if (!label.equals(lastLabel)) {
                lastLabel = label;
            }
            long now = System.nanoTime();
            runningSince = now == 0 ? 1 : now;
        }
        try {
            Object target = route.needsInstance() ? instance(route) : null;
            return route.invoker().applyAsInt(target, context);
        } catch (Throwable t) {
            threw = true;
            Errors e = errors;
            if (e == null) {
                e = new Errors("ptimer: " + owner);
                errors = e;
            }
            e.record(label, route.spec(), t);
            if (t instanceof VirtualMachineError fatal) {
                throw fatal;
            }
            return Route.END;
        } finally {
            if (tracked) {
                runningSince = 0;
            }
        }
    }

    private Object instance(BoundRoute route) throws Throwable {
        Class<?> owner = route.owner();
        if (owner == lastOwner) {
            return lastInstance;
        }
        if (lastOwner != null) {
            if (instances == null) {
                instances = new HashMap<>();
            }
            instances.put(lastOwner, lastInstance);
        }
        Object target = instances == null ? null : instances.get(owner);
        if (target == null) {
            target = route.factory().invoke();
        }
        lastOwner = owner;
        lastInstance = target;
        return target;
    }

    /** Whether the last route run threw. */
    public boolean threw() {
        return threw;
    }

    /** Forgets the route instances: the next run makes new ones (a new cycle). */
    public void dropInstances() {
        lastOwner = null;
        lastInstance = null;
        instances = null;
    }

    /** The label of the route running now, or {@code null}. */
    public String running() {
        return runningSince == 0 ? null : lastLabel;
    }

    /** How long the running route has been running, in ns, or 0. */
    public long runningForNanos() {
        long since = runningSince;
        return since == 0 ? 0 : System.nanoTime() - since;
    }

    /** How many runs threw. */
    public long errorCount() {
        Errors e = errors;
        return e == null ? 0 : e.count();
    }

    /** The last failure's summary, or {@code null} when no run threw. */
    public String lastError() {
        Errors e = errors;
        return e == null ? null : e.last();
    }
}
