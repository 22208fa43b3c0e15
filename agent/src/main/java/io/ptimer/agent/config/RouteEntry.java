package io.ptimer.agent.config;

import java.util.Collection;
import java.util.Map;

/**
 * An entry that gives a timer a route, {@code timer=N;route=ROUTE}: ptimer's start, loop and end,
 * rtimer's exec.
 *
 * @param timer the timer's name
 * @param route the route as written
 */
public record RouteEntry(String timer, String route) {

    /**
     * Reads the entry's two attributes.
     *
     * @throws ConfigException for another attribute, or one of the two missing
     */
    public static RouteEntry of(Entry e) throws ConfigException {
        Map<String, String> attrs = e.attributes();
        for (String attr : attrs.keySet()) {
            if (!attr.equals("timer") && !attr.equals("route")) {
                throw e.error("unknown attribute \"" + attr + "\" (known: timer, route)");
            }
        }
        String timer = attrs.get("timer");
        String route = attrs.get("route");
        if (timer == null || timer.isEmpty()) {
            throw e.error("timer is required");
        }
        if (route == null || route.isEmpty()) {
            throw e.error("route is required");
        }
        return new RouteEntry(timer, route);
    }

    /** The error for a timer not defined before the entry; {@code kind} is timer or rtimer. */
    public static ConfigException unknown(Entry e, String kind, String name, Collection<String> defined) {
        return e.error("unknown " + kind + " \"" + name + "\" (" + (defined.isEmpty()
                ? "no " + kind + " is defined before this entry"
                : "defined before this entry: " + String.join(", ", defined)) + ")");
    }
}
