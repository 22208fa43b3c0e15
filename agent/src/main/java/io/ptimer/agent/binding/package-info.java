/**
 * Routes: what a configuration names ({@link io.ptimer.agent.binding.RouteSpec}), the shapes each
 * timer system accepts ({@link io.ptimer.agent.binding.RouteShape}), the generated invokers that
 * call them without reflection ({@link io.ptimer.agent.binding.RouteBinder}), and the binding of
 * classes the application loads later ({@link io.ptimer.agent.binding.LateBinding}).
 *
 * <p>Threading rule: binding happens on the thread that loads a configuration, or on the single
 * {@code ptimer-binder} thread for late classes; a {@link io.ptimer.agent.binding.BoundRoute} is
 * immutable and safe to call from any thread.
 */
package io.ptimer.agent.binding;
