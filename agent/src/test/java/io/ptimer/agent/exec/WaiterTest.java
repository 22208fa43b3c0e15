package io.ptimer.agent.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WaiterTest {

    @Test
    void marginIsTheLatestOfTheLastParksPlusAPad() {
        Waiter waiter = new Waiter(Precision.HYBRID, () -> false);
        Random random = new Random(7);
        long[] all = new long[5_000];
        for (int i = 0; i < all.length; i++) {
            all[i] = i % 97 == 0 ? 1_000 + random.nextInt(1_400_000) : random.nextInt(60_000);
            if (i % 3 == 0 && i > 0) {
                all[i] = all[i - 1];
            }
            waiter.learn(all[i]);
            int n = Math.min(i + 1, Waiter.SAMPLES);
            if (n >= 32) {
                long[] window = Arrays.copyOfRange(all, i + 1 - n, i + 1);
                Arrays.sort(window);
                long expected = Math.min(Waiter.MAX_MARGIN_NANOS, window[n - 1] + 2_000);
                assertEquals(expected, waiter.margin(), "after park " + i);
            }
        }
    }

    @Test
    void untilItHasLearntTheMarginIsTheLargest() {
        Waiter waiter = new Waiter(Precision.HYBRID, () -> false);
        for (int i = 0; i < 31; i++) {
            waiter.learn(1_000);
        }
        assertEquals(Waiter.MAX_MARGIN_NANOS, waiter.margin());
        waiter.learn(1_000);
        assertEquals(3_000, waiter.margin());
    }
}
