/**
 * The ledger replicated with jgroups-raft: each JVM's node ({@link io.ptimer.cluster.raft.RaftNode}) on
 * a JGroups stack over TCP, the ledger as the Raft state machine ({@link io.ptimer.cluster.raft.LedgerMachine}),
 * and the probe that measures the clock offset to the leader ({@link io.ptimer.cluster.raft.ClockProbe}).
 *
 * <p>Threading rule: JGroups calls the state machine on one thread, in log order; answers and
 * probes arrive on JGroups' threads and touch only volatile fields and the receivers' slots. Raft's
 * role changes are handed to the clock's thread: RAFT calls its listeners holding its own lock, and
 * no thread of the node waits for RAFT's lock while holding the node's.
 */
package io.ptimer.cluster.raft;
