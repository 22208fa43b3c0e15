package io.ptimer.cluster.raft;

import java.util.List;
import org.jgroups.Address;
import org.jgroups.View;
import org.jgroups.conf.ClassConfigurator;
import org.jgroups.protocols.raft.ELECTION2;
import org.jgroups.raft.util.Utils;

/**
 * jgroups-raft's {@code ELECTION2}, except that a new view coordinator runs no pre-vote while the
 * leader it knows is still a member. {@code ELECTION2}'s pre-vote counts every member that names
 * the coordinator's own leader as a vote to elect again, so a coordinator that merely left (cut off,
 * killed, or moved by a merge) cost the whole cluster an election, a second or two with nothing
 * sent, with the leader alive. A leader that leaves the view, or a majority lost or regained, still
 * starts the pre-vote as before; a leader that died without leaving is found by the failure
 * detector, which then takes it out of the view.
 */
final class SteadyElection extends ELECTION2 {
    /** Its protocol ID: JGroups names a protocol in its messages by an ID, from 512 up for others' protocols. */
    private static final short ID = 1524;

    static {
        ClassConfigurator.addProtocol(ID, SteadyElection.class);
    }

    @Override
    protected void handleView(View v) {
        View previous = view;
        Address leader = raft.leader();
        if (previous == null || leader == null || !v.containsMember(leader) || !Utils.viewCoordinatorChanged(previous, v)
                || Utils.computeMajority(previous, v, raft) != Utils.Majority.no_change) {
            super.handleView(v);
            return;
        }
        view = v;
        List<Address> joiners = View.newMembers(previous, v);
        if (raft.isLeader() && joiners != null && !joiners.isEmpty()) {
            sendLeaderElectedMessage(leader, raft.currentTerm());
        }
    }
}
