package io.ptimer.agent;

/** {@code java -jar ptimer-agent.jar ...}: the command line. */
public final class Cli {
    private Cli() {
    }

    public static void main(String[] args) {
        System.err.println("usage: java -jar ptimer-agent.jar attach <pid> [ARGS]");
        System.exit(1);
    }
}
