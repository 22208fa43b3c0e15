package io.ptimer.cluster.raft;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import org.jgroups.Address;
import org.jgroups.protocols.pbcast.GMS;
import org.jgroups.stack.MembershipChangePolicy;

/**
 * JGroups' membership policy, except that a merge keeps the coordinator of its largest side, the
 * one that kept the majority, where JGroups takes the lowest address among the sides'
 * coordinators. jgroups-raft's {@code ELECTION2} has a new coordinator run a pre-vote that starts
 * an election even when every member names the same leader, so a heal that moved the coordinator
 * to the JVM coming back cost the whole cluster an election.
 */
final class LargestSideFirst implements MembershipChangePolicy {
    private final MembershipChangePolicy joinsAndLeaves = new GMS.DefaultMembershipPolicy();

    @Override
    public List<Address> getNewMembership(Collection<Address> current, Collection<Address> joiners,
            Collection<Address> leavers, Collection<Address> suspects) {
        return joinsAndLeaves.getNewMembership(current, joiners, leavers, suspects);
    }

    @Override
    public List<Address> getNewMembership(Collection<Collection<Address>> subviews) {
        List<Collection<Address>> sides = new ArrayList<>(subviews);
        sides.removeIf(Collection::isEmpty);
        sides.sort(Comparator.<Collection<Address>>comparingInt(Collection::size).reversed()
                .thenComparing(side -> side.iterator().next()));
        LinkedHashSet<Address> members = new LinkedHashSet<>();
        sides.forEach(members::addAll);
        return new ArrayList<>(members);
    }
}
