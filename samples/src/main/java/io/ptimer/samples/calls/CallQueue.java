package io.ptimer.samples.calls;

import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A named FIFO of pending calls shared by the application and its timer routes, like Kamailio's
 * {@code mqueue}: {@link #add} is {@code mq_add}, {@link #fetch} is {@code mq_fetch}, {@link #size}
 * is {@code mq_size}. Safe for any number of threads.
 */
public final class CallQueue {
    private static final ConcurrentMap<String, CallQueue> QUEUES = new ConcurrentHashMap<>();

    private final String name;
    private final Queue<PendingCall> calls = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();

    private CallQueue(String name) {
        this.name = name;
    }

    /** The queue with that name, made on first use. */
    public static CallQueue named(String name) {
        return QUEUES.computeIfAbsent(name, CallQueue::new);
    }

    public String name() {
        return name;
    }

    public void add(PendingCall call) {
        calls.add(call);
        size.incrementAndGet();
    }

    /** The oldest call, taken off the queue, or {@code null} when it is empty. */
    public PendingCall fetch() {
        PendingCall call = calls.poll();
        if (call != null) {
            size.decrementAndGet();
        }
        return call;
    }

    public int size() {
        return size.get();
    }
}
