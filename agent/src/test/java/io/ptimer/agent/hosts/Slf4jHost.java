package io.ptimer.agent.hosts;

import org.slf4j.bridge.SLF4JBridgeHandler;

/** A host that sends java.util.logging to SLF4J (slf4j-simple), as many applications do. */
public final class Slf4jHost {
    private Slf4jHost() {
    }

    public static void main(String[] args) throws Exception {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        Thread.sleep(Long.getLong("host.millis", 1200));
        Events.say("MAIN done");
    }
}
