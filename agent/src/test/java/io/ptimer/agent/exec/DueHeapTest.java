package io.ptimer.agent.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The heap's order holds across the wrap-around of {@link System#nanoTime()}, with removals from anywhere. */
class DueHeapTest {
    private static final class Item extends Due {
        Item(long due) {
            this.due = due;
        }
    }

    @Test
    void givesTheNearestFirstThroughRandomAddsAndRemovalsFromAnywhere() {
        Random random = new Random(42);
        DueHeap<Item> heap = new DueHeap<>();
        List<Item> in = new ArrayList<>();
        for (int round = 0; round < 20_000; round++) {
            int op = random.nextInt(3);
            if (op < 2 || in.isEmpty()) {
                Item item = new Item(Long.MAX_VALUE - 5_000 + random.nextInt(10_000));
                heap.add(item);
                in.add(item);
            } else {
                Item gone = in.remove(random.nextInt(in.size()));
                heap.remove(gone);
                assertEquals(-1, gone.index);
            }
            assertEquals(in.size(), heap.size());
            if (!in.isEmpty()) {
                Item nearest = in.stream().min(Comparator.comparingLong((Item i) -> i.due - Long.MAX_VALUE)).orElseThrow();
                assertEquals(nearest.due, heap.firstDue(), "round " + round);
                assertEquals(nearest.due, heap.first().due);
            }
        }
        while (heap.size() > 0) {
            Item first = heap.first();
            heap.remove(first);
            assertEquals(in.stream().min(Comparator.comparingLong((Item i) -> i.due - Long.MAX_VALUE)).orElseThrow().due,
                    first.due);
            assertSame(first, in.remove(in.indexOf(first)));
        }
    }
}
