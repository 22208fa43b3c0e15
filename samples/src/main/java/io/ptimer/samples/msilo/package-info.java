/**
 * Stored-message cleanup, the example of Kamailio's core timer API documentation (the msilo
 * module's {@code m_clean_silo}): the application registers a core timer that deletes, every check
 * time, the stored messages whose delivery was confirmed and, every clean period of checks, the
 * expired ones. The {@code silo} table lives in an embedded H2 database.
 *
 * <p>{@link io.ptimer.samples.msilo.Msilo} is the application: it stores messages for offline
 * users, delivers them when users come online and takes the replies.
 * {@link io.ptimer.samples.msilo.SiloCleaner} is the timer function.
 *
 * <p>Threading: the application's simulation runs on the main thread, the cleaner on the shared
 * timer thread {@code ptimer-core}. They share the database, the thread-safe
 * {@link io.ptimer.samples.msilo.MessageList} of delivered messages and the thread-safe log of
 * {@link io.ptimer.samples.msilo.Checks}.
 */
package io.ptimer.samples.msilo;
