package io.ptimer.agent.hosts;

import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/**
 * A host with a plug-in loader that never loads the route class: args are the plug-in's class
 * directory and a class of the plug-in that the host does load. With {@code -Dhost.close=true} it
 * then closes the loader, drops it, and says whether the loader was collected.
 */
public final class PluginHost {
    private PluginHost() {
    }

    public static void main(String[] args) throws Exception {
        Events.say("MAIN started");
        Thread.sleep(Long.getLong("host.before", 700));
        URLClassLoader loader = new URLClassLoader(new URL[] {Path.of(args[0]).toUri().toURL()},
                PluginHost.class.getClassLoader());
        Class.forName(args[1], true, loader);
        Events.say("LOADED " + args[1]);
        Thread.sleep(Long.getLong("host.millis", 1500));
        if (Boolean.getBoolean("host.close")) {
            WeakReference<ClassLoader> ref = new WeakReference<>(loader);
            loader.close();
            loader = null;
            Events.say("CLOSED");
            Thread.sleep(1500);
            long until = System.nanoTime() + 10_000_000_000L;
            while (ref.get() != null && System.nanoTime() - until < 0) {
                System.gc();
                Thread.sleep(100);
            }
            Events.say(ref.get() == null ? "COLLECTED" : "LEAKED");
        }
        Events.say("MAIN done");
    }
}
