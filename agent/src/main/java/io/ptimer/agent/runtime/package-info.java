/**
 * The engine: one per JVM, shared by premain, every attach and the public API. It reads a
 * configuration, hands each module's entries to its timer system, binds and starts them all or
 * nothing, and runs the systems down within the shutdown timeout when the JVM exits.
 *
 * <p>Threading rule: loading is serialised on the engine; requests and listings go to the systems,
 * which are thread-safe; shutdown runs on the {@code ptimer-shutdown} hook thread.
 */
package io.ptimer.agent.runtime;
