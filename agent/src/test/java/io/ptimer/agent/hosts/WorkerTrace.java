package io.ptimer.agent.hosts;

import java.util.List;

/**
 * What a worker may legally do, from docs/routes.md and docs/operations.md, checked one observed
 * event at a time. Events are the worker's own announcements, in the order the worker made them
 * ({@code start}, {@code loop}, {@code end}, {@code paused}, {@code resumed}: the JMX notification
 * types), and, where the observer sees them in the same order, the route runs ({@code run:start},
 * {@code run:loop}, {@code run:end}). The routes are assumed never to end or fail by themselves, so
 * every jump to end is an operator's {@code end}.
 *
 * <p>The rules: no route runs while the worker is paused; a start route is announced, runs and is
 * followed by the loop; {@code end} is announced only within a cycle, its route runs once and the
 * worker pauses after it; a worker that ended leaves that state only by {@code start} or {@code loop};
 * {@code paused} only when not paused, {@code resumed} only when paused.
 */
public final class WorkerTrace {
    /** What an observer can tell of a worker's state. */
    public enum State { RUNNING, PAUSED, ENDED }

    private final boolean runsSeen;
    private boolean paused;
    private boolean ended;
    private boolean inCycle;
    /** The event that must come next, {@code a|b} for either, or null when any legal event may. */
    private String pending;
    private int index;
    private String last = "(nothing)";
    private int starts;
    private int startRuns;

    /**
     * @param runsSeen whether route runs are among the events
     * @param inCycle whether the worker is already in its loop when the trace begins (else it is about to start)
     */
    public WorkerTrace(boolean runsSeen, boolean inCycle) {
        this.runsSeen = runsSeen;
        this.inCycle = inCycle;
    }

    /** Checks every event in turn. @throws IllegalStateException naming the first illegal one */
    public WorkerTrace accept(List<String> events) {
        events.forEach(this::accept);
        return this;
    }

    /** Checks one event. @throws IllegalStateException when it cannot follow what came before */
    public void accept(String event) {
        String why = illegal(event);
        if (why != null) {
            throw new IllegalStateException("event " + index + " \"" + event + "\" after \"" + last + "\": " + why);
        }
        index++;
        last = event;
    }

    private String illegal(String event) {
        if (pending != null && !List.of(pending.split("\\|")).contains(event)) {
            return "\"" + pending + "\" must come next";
        }
        String forced = pending;
        pending = null;
        switch (event) {
            case "start" -> {
                if (paused) {
                    return "a paused worker does not start";
                }
                starts++;
                inCycle = true;
                pending = runsSeen ? "run:start" : "loop";
            }
            case "run:start" -> {
                if (forced == null) {
                    return "a start route runs only right after it is announced";
                }
                startRuns++;
                pending = "loop";
            }
            case "loop" -> {
                if (paused) {
                    return "a paused worker enters its loop only after it is resumed";
                }
                inCycle = true;
            }
            case "run:loop" -> {
                if (paused) {
                    return "a loop route ran while the worker was paused";
                }
                if (!inCycle) {
                    return "a loop route ran outside a cycle";
                }
            }
            case "end" -> {
                if (paused) {
                    return "a paused worker ends only after it is resumed";
                }
                if (!inCycle) {
                    return "end outside a cycle: an ended worker does not end again";
                }
                pending = runsSeen ? "run:end" : "paused";
            }
            case "run:end" -> {
                if (forced == null) {
                    return "an end route runs only right after it is announced";
                }
                pending = "paused";
            }
            case "paused" -> {
                if ("paused".equals(forced)) {
                    paused = true;
                    ended = true;
                    inCycle = false;
                } else if (paused) {
                    return "paused twice without being resumed";
                } else {
                    paused = true;
                }
            }
            case "resumed" -> {
                if (!paused) {
                    return "resumed while not paused";
                }
                paused = false;
                if (ended) {
                    ended = false;
                    pending = "start|loop";
                }
            }
            default -> {
                return "unknown event";
            }
        }
        return null;
    }

    /** Whether the worker is between events that must follow one another. */
    public boolean settled() {
        return pending == null;
    }

    /** The state the events lead to. */
    public State state() {
        return ended ? State.ENDED : paused ? State.PAUSED : State.RUNNING;
    }

    /** Whether the state the worker reports ({@code Worker.state()}, or a JMX row's {@code state}) is this one. */
    public static boolean reports(State state, String reported) {
        return switch (state) {
            case RUNNING -> reported.equals("sleeping") || reported.equals("loop") || reported.equals("start");
            case PAUSED -> reported.equals("paused");
            case ENDED -> reported.equals("ended");
        };
    }

    /** How many start routes were announced. */
    public int starts() {
        return starts;
    }

    /** How many start routes ran. */
    public int startRuns() {
        return startRuns;
    }

    /**
     * The state a request leads to from {@code from}, when it is the only one in flight, for a worker
     * past its first start (so that not running means within a cycle or ended).
     */
    public static State after(State from, String request) {
        return switch (request) {
            case "pause" -> from == State.RUNNING ? State.PAUSED : from;
            case "continue" -> from == State.PAUSED ? State.RUNNING : from;
            case "start", "loop" -> State.RUNNING;
            case "end" -> State.ENDED;   // within a cycle it ends; an ended worker stays so
            default -> throw new IllegalArgumentException(request);
        };
    }
}
