package io.ptimer.agent.hosts;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/**
 * A host that loads its route class through its own {@link URLClassLoader} a moment after main
 * starts, like a plug-in loader: args are the class directory and the class name.
 */
public final class LateHost {
    private LateHost() {
    }

    public static void main(String[] args) throws Exception {
        Events.say("MAIN started");
        Thread.sleep(Long.getLong("host.before", 700));
        URLClassLoader loader = new URLClassLoader(new URL[] {Path.of(args[0]).toUri().toURL()},
                LateHost.class.getClassLoader());
        Class<?> routes = loader.loadClass(args[1]);
        Events.say("LOADED " + routes.getName() + " by " + routes.getClassLoader().getClass().getSimpleName());
        Thread.sleep(Long.getLong("host.millis", 1500));
        Events.say("MAIN done");
    }
}
