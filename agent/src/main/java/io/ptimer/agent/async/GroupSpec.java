package io.ptimer.agent.async;

/**
 * One task group, as {@code async_workers} or {@code async_workers_group} configures it. Immutable.
 *
 * @param workers  threads {@code async-<name>-<i>}
 * @param nonblock a submission to a full queue fails at once instead of waiting for room
 * @param usleep   how long each worker pauses before taking its next task, in µs
 * @param queue    the queue's bound
 * @param entry    the entry's value, for messages
 */
record GroupSpec(String name, int workers, boolean nonblock, int usleep, int queue, String entry) {
    /** The group of {@code async_workers} and of the calls that name no group. */
    static final String DEFAULT = "default";
    /** The queue bound when {@code queue} is not given. */
    static final int DEFAULT_QUEUE = 10_000;

    /** The group "default" with {@code workers} threads and the default settings. */
    static GroupSpec byDefault(int workers) {
        return new GroupSpec(DEFAULT, workers, false, 0, DEFAULT_QUEUE, "async_workers=" + workers);
    }
}
