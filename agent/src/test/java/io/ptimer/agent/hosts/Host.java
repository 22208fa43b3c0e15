package io.ptimer.agent.hosts;

import javax.management.ObjectName;

/**
 * A host application: says it started and which loaders gave it the API and the agent's classes,
 * lists the agent's threads, lives {@code host.millis} ms, then returns from main, or calls
 * {@code System.exit(host.exit)} when that is set. With {@code host.pause=<timer>:<worker>} it pauses that
 * worker through its MBean halfway and prints {@code PAUSED <timer> <worker>}. Its last line,
 * {@code MAIN leaves at=<epoch ms>}, tells when the JVM began to shut down.
 */
public final class Host {
    private Host() {
    }

    public static void main(String[] args) throws Exception {
        Events.say("MAIN started");
        Events.say("LOADERS api=" + loaderOf("io.ptimer.api.TimerContext") + " agent="
                + loaderOf("io.ptimer.agent.runtime.Engine"));
        Thread.sleep(Long.getLong("host.threadsAfter", 300));
        Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("ptimer-"))
                .sorted((a, b) -> a.getName().compareTo(b.getName()))
                .forEach(t -> Events.say("THREAD " + t.getName() + " daemon=" + t.isDaemon()));
        long millis = Long.getLong("host.millis", 1500);
        String pause = System.getProperty("host.pause");
        if (pause != null) {
            Thread.sleep(millis / 2);
            millis -= millis / 2;
            String[] worker = pause.split(":");
            ObjectName timer = Mbeans.timer(worker[0]);
            Mbeans.awaiting(timer).invoke(timer, "pause", new Object[] {Integer.valueOf(worker[1])},
                    new String[] {"int"});
            Events.say("PAUSED " + worker[0] + " " + worker[1]);
        }
        Thread.sleep(millis);
        Events.say("MAIN done");
        Events.say("MAIN leaves at=" + System.currentTimeMillis());
        Integer exit = Integer.getInteger("host.exit");
        if (exit != null) {
            System.exit(exit);
        }
    }

    private static String loaderOf(String className) {
        try {
            return String.valueOf(Class.forName(className, false, Host.class.getClassLoader()).getClassLoader());
        } catch (ClassNotFoundException e) {
            return "none";
        }
    }
}
