package io.ptimer.samples.hotreload;

import java.util.ArrayList;
import java.util.List;

/**
 * What the routes did, in order: each data set the start route loaded, and each task the loop
 * route handled, with the {@code a} it found and the load it came from (1 for the first).
 */
final class HandledTasks {
    private static final List<DataSet> LOADS = new ArrayList<>();
    private static final List<Handled> HANDLED = new ArrayList<>();

    /** A task handled from load {@code load}. */
    record Handled(int load, int a) {
    }

    private HandledTasks() {
    }

    /** Records a load and returns its number. */
    static synchronized int loaded(DataSet set) {
        LOADS.add(set);
        return LOADS.size();
    }

    static synchronized void handled(int load, int a) {
        HANDLED.add(new Handled(load, a));
    }

    static synchronized List<DataSet> loads() {
        return List.copyOf(LOADS);
    }

    static synchronized List<Handled> handled() {
        return List.copyOf(HANDLED);
    }
}
