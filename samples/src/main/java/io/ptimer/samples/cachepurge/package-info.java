/**
 * Cache purge, the example of Kamailio's rtimer module documentation: an rtimer exec route deletes
 * the rows of a cache table older than a maximum age, every interval, while the application keeps
 * writing the table. The table {@code kamailio_cache} lives in an embedded H2 database.
 *
 * <p>{@link io.ptimer.samples.cachepurge.CachePurge} is the application: a simulated registrar
 * writes and refreshes cache rows. {@link io.ptimer.samples.cachepurge.CacheRoutes} holds the exec
 * routes named in {@code samples/config/cache-purge.cfg}.
 *
 * <p>Threading: the registrar runs on the main thread; the purge route on its rtimer's own thread
 * ({@code rtimer-cache_purge-0}, mode 1), the statistics route on the shared timer thread
 * ({@code ptimer-core}, mode 0). They share only the database, whose rows H2 guards, and the
 * thread-safe {@link io.ptimer.samples.cachepurge.CacheTable} and
 * {@link io.ptimer.samples.cachepurge.Purges}.
 */
package io.ptimer.samples.cachepurge;
