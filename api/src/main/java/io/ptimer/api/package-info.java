/**
 * What route code of a host application compiles against to run under the ptimer agent:
 * Kamailio's ptimer module (precise timers with start, loop and end routes) for the JVM.
 *
 * <p>A route is a public method {@code Class::method} taking {@code ()} or
 * {@code (}{@link io.ptimer.api.TimerContext}{@code )}, or a class implementing
 * {@link io.ptimer.api.Route}. {@link io.ptimer.api.Async} brings Kamailio's async module to
 * application code: delayed routes, sleeps, task groups and type/key/value events. Compile against this artifact with scope {@code provided}: at run
 * time the agent jar ({@code -javaagent:ptimer-agent.jar}) carries these classes.
 */
package io.ptimer.api;
