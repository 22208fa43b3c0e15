package io.ptimer.cluster.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jgroups.Address;
import org.jgroups.util.UUID;
import org.junit.jupiter.api.Test;

class LargestSideFirstTest {
    private final LargestSideFirst policy = new LargestSideFirst();

    @Test
    void aMergeKeepsTheCoordinatorAndOrderOfItsLargestSide() {
        Address a = new UUID(0, 1);
        Address b = new UUID(0, 2);
        Address c = new UUID(0, 3);
        Address healed = new UUID(0, 0);
        assertEquals(List.of(b, a, c, healed), policy.getNewMembership(List.of(List.of(healed), List.of(b, a, c))));
    }

    @Test
    void sidesOfOneSizeAreOrderedByTheirCoordinators() {
        Address a = new UUID(0, 1);
        Address b = new UUID(0, 2);
        assertEquals(List.of(a, b), policy.getNewMembership(List.of(List.of(b), List.of(a))));
    }

    @Test
    void joinsAndLeavesAreJGroupsOwn() {
        Address a = new UUID(0, 1);
        Address b = new UUID(0, 2);
        Address c = new UUID(0, 3);
        assertEquals(List.of(a, c), policy.getNewMembership(List.of(a, b), List.of(c), List.of(b), List.of()));
    }
}
