/**
 * The global traffic shaping sample as a Spring Boot application whose route classes are made by
 * the application context.
 *
 * <p>Threading rule: the routes run on the agent's workers, one instance per worker; the beans
 * they share (the call queue, the carrier) are thread-safe.
 */
package io.ptimer.samples.spring;
