package io.ptimer.agent.ptimer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SlicesTest {

    @Test
    void seedGlobalShapingSplitsIntoTwelvesAndThirteens() {
        int sum = 0;
        for (int i = 0; i < 80; i++) {
            int share = Slices.share(i, 1000, 80);
            assertTrue(share == 12 || share == 13, "slice " + i + " has " + share);
            sum += share;
        }
        assertEquals(1000, sum);
    }

    @Test
    void sharesFollowTheFormula() {
        int[] shares = new int[3];
        for (int i = 0; i < 3; i++) {
            shares[i] = Slices.share(i, 10, 3);
        }
        assertArrayEquals(new int[] {3, 3, 4}, shares);
    }

    @Test
    void sharesSumToNtasksAndStayWithinOneOfTheMean() {
        for (int n = 0; n < 200; n += 7) {
            for (int k = 1; k < 50; k += 3) {
                int sum = 0;
                for (int i = 0; i < k; i++) {
                    int share = Slices.share(i, n, k);
                    assertTrue(Math.abs(share - (double) n / k) < 1, n + "/" + k + " slice " + i);
                    sum += share;
                }
                assertEquals(n, sum);
            }
        }
        assertEquals(Integer.MAX_VALUE, Slices.share(0, Integer.MAX_VALUE, 1));
    }
}
