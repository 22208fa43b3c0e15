/**
 * The ledger of per-step grants: for each loop (a timer's worker, the same in every JVM) and each
 * step of absolute time, what was granted to which JVM, never more in all than the step's budget;
 * and for each timer the {@code ntasks} set for the whole cluster, from the step it holds from.
 * Pure and deterministic: the same requests in the same order give the same grants on every
 * replica, so a replicated log of requests is all a replica needs.
 *
 * <p>Threading rule: a {@link io.ptimer.cluster.ledger.Ledger} is not thread-safe; its owner
 * (the replicated state machine) applies one request at a time.
 */
package io.ptimer.cluster.ledger;
