/**
 * What the database samples share: an embedded H2 database over plain JDBC, and their command-line
 * options.
 *
 * <p>Threading: a {@link io.ptimer.samples.sql.Database} may be used from any thread; each call takes
 * a connection of its own from H2, so threads share no JDBC object.
 */
package io.ptimer.samples.sql;
