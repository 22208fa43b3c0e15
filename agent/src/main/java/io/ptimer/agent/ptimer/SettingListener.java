package io.ptimer.agent.ptimer;

/** Hears an operator's {@code set} once it is in place, on the operator's thread; it must return quickly and not throw. */
@FunctionalInterface
public interface SettingListener {
    /** @param worker the worker index, or {@code null} when the setting changed for the whole timer */
    void set(Ptimer timer, Integer worker, Setting.Change change);
}
