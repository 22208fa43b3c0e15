package io.ptimer.agent.hosts;

import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import net.bytebuddy.ByteBuddy;

/**
 * A host with its own Byte Buddy and java.util.logging set-up. It prints the Byte Buddy it uses,
 * what its logging caught from the agent, and the internet sockets the process holds.
 */
public final class IsolationHost {
    private IsolationHost() {
    }

    public static void main(String[] args) throws Exception {
        Logger ptimer = Logger.getLogger("io.ptimer");
        ptimer.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                Events.say("JUL " + record.getLevel() + " " + record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        Class<?> made = new ByteBuddy().subclass(Object.class).name("host.Made").make()
                .load(IsolationHost.class.getClassLoader()).getLoaded();
        Events.say("HOST-BB " + ByteBuddy.class.getProtectionDomain().getCodeSource().getLocation().getPath()
                .replaceAll(".*/", "") + " made " + made.getName());
        Thread.sleep(Long.getLong("host.millis", 1500));
        Events.say("SOCKETS " + String.join(" ", Sockets.held()));
        Events.say("MAIN done");
    }
}
