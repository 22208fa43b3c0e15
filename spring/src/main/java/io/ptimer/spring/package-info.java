/**
 * Spring Boot integration of the ptimer agent: an auto-configuration that installs a
 * {@link io.ptimer.api.RouteFactory} backed by the application context once the application is
 * ready, so that route classes get their dependencies through their constructor.
 *
 * <p>Threading rule: the factory is installed and removed on the thread that publishes the
 * context's events; the agent calls it on its worker threads, and the context makes beans safely
 * from any thread.
 */
package io.ptimer.spring;
