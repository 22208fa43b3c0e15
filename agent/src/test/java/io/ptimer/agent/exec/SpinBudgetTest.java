package io.ptimer.agent.exec;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpinBudgetTest {
    @Test
    void noMoreWaitsSpinAtOnceThanHalfTheProcessors() {
        long freshWindow = System.nanoTime() + 2 * SpinBudget.WINDOW_NANOS;
        int spinning = 0;
        try {
            for (int i = 1; i <= SpinBudget.MAX_SPINNING; i++) {
                assertTrue(SpinBudget.startSpin(freshWindow), "spinning wait " + i);
                spinning++;
            }
            assertFalse(SpinBudget.startSpin(freshWindow), "one more than half the processors");
            SpinBudget.endSpin(0);
            spinning--;
            assertTrue(SpinBudget.startSpin(freshWindow), "once one of them has stopped");
            spinning++;
        } finally {
            for (; spinning > 0; spinning--) {
                SpinBudget.endSpin(0);
            }
        }
    }
}
