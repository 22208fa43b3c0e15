package io.ptimer.agent.hosts;

/** A host whose main says so and ends; its {@link #tick} is a route that does nothing. */
public final class QuietHost {
    private QuietHost() {
    }

    public static void tick() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("main");
        Thread.sleep(200);
    }
}
