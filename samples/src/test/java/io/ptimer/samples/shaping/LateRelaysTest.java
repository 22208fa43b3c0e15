package io.ptimer.samples.shaping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LateRelaysTest {
    @Test
    void aLateRelayIsPaidFromTheNextGrant() {
        LateRelays late = new LateRelays();
        late.owe(1);
        assertEquals(3, late.spendable(4));
        assertEquals(4, late.spendable(4), "paid once");
    }

    @Test
    void aDebtWaitsForALoopWithAGrant() {
        LateRelays late = new LateRelays();
        late.owe(3);
        assertEquals(0, late.spendable(0));
        assertEquals(0, late.spendable(2));
        assertEquals(1, late.owed());
        assertEquals(3, late.spendable(4));
        assertEquals(0, late.owed());
    }

    @Test
    void noLateRelayCostsNothing() {
        LateRelays late = new LateRelays();
        late.owe(0);
        assertEquals(4, late.spendable(4));
    }
}
