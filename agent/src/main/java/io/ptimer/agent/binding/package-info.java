/**
 * Routes: what a configuration names ({@link io.ptimer.agent.binding.RouteSpec}), the shapes each
 * timer system accepts ({@link io.ptimer.agent.binding.RouteShape}), the generated invokers that
 * call them without reflection ({@link io.ptimer.agent.binding.RouteBinder}), the application's route
 * factory ({@link io.ptimer.agent.binding.InstalledFactory}), the calls themselves with their per-cycle
 * instances and error counting ({@link io.ptimer.agent.binding.RouteRunner}), and the binding of classes found in
 * the application's class loaders, undone when a loader goes away
 * ({@link io.ptimer.agent.binding.LateBinding}).
 *
 * <p>Threading rule: binding happens on the thread that loads a configuration, or on the single
 * {@code ptimer-binder} thread for classes outside the class path, which also unbinds them and
 * polls their loaders; the class-file transformer only hands loaders over to it; a {@link io.ptimer.agent.binding.BoundRoute} is
 * immutable and safe to call from any thread; a {@link io.ptimer.agent.binding.RouteRunner} is confined
 * to the thread that runs its lane's steps.
 *
 * <p>Internal to the agent, not an API: what is public here is public for the agent's other
 * packages only. The jar is on the bootstrap class path, so host code could reach it, but nothing
 * here is kept stable for the host; {@code io.ptimer.api} is the only API.
 */
package io.ptimer.agent.binding;
