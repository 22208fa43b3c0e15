/**
 * Cluster mode on the agent's side: the {@code cluster} entry ({@link io.ptimer.agent.cluster.ClusterSpec}),
 * the interfaces the optional cluster jar implements ({@link io.ptimer.agent.cluster.ClusterEngine},
 * {@link io.ptimer.agent.cluster.ClusterNode}, {@link io.ptimer.agent.cluster.GrantReceiver}), the class
 * loader that keeps that jar to itself ({@link io.ptimer.agent.cluster.ClusterLoader}), and one loaded
 * cluster with the grants of each loop ({@link io.ptimer.agent.cluster.Cluster},
 * {@link io.ptimer.agent.cluster.LoopGrants}) and the contract the ledger tells with them
 * ({@link io.ptimer.agent.cluster.Contract}). Nothing here is loaded without a {@code cluster} entry.
 *
 * <p>Threading rule: the node calls {@link io.ptimer.agent.cluster.GrantReceiver} on its own threads;
 * a loop's grants are written there and taken by that loop's worker thread through atomic slots,
 * and the contract is a volatile immutable value. Figures are volatile single-writer fields.
 * {@link io.ptimer.agent.cluster.Cluster#contract} blocks its caller, an operator's thread, until a
 * majority has committed it.
 *
 * <p>Internal to the agent, not an API: what is public here is public for the agent's other
 * packages and the project's own cluster jar, which implements its interfaces. The jar is on the
 * bootstrap class path, so host code could reach it, but nothing here is kept stable for the host;
 * {@code io.ptimer.api} is the only API.
 */
package io.ptimer.agent.cluster;
