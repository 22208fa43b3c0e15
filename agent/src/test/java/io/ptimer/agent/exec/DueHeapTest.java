package io.ptimer.agent.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The heap's order holds across the wrap-around of {@link System#nanoTime()}, with removals from anywhere;
 * an entry taken out to run keeps its slot until it comes back or is forgotten.
 */
class DueHeapTest {
    private static final class Item extends Due {
        Item(long due) {
            this.due = due;
        }
    }

    @Test
    void ofThoseDueAtOnceTheOneMadeFirstComesFirstWhateverTheOrderTheyWereAddedIn() {
        List<Item> made = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            made.add(new Item(1_000));
        }
        List<Item> shuffled = new ArrayList<>(made);
        java.util.Collections.shuffle(shuffled, new Random(7));
        DueHeap<Item> heap = new DueHeap<>();
        shuffled.forEach(heap::add);
        heap.add(new Item(999));
        heap.remove(heap.first());
        for (Item expected : made) {
            assertSame(expected, heap.first());
            heap.remove(expected);
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
                assertEquals(-1, gone.slot);
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

    @Test
    void anEntryTakenOutKeepsItsSlotAndComesBackInOrder() {
        DueHeap<Item> heap = new DueHeap<>();
        Item a = new Item(10);
        Item b = new Item(20);
        Item c = new Item(30);
        heap.add(a);
        heap.add(b);
        heap.add(c);
        int slot = a.slot;
        heap.take(a);
        assertFalse(heap.contains(a));
        assertEquals(slot, a.slot);
        assertSame(b, heap.first());
        a.due = 25;
        heap.add(a);
        assertEquals(slot, a.slot);
        assertTrue(heap.contains(a));
        heap.remove(b);
        assertSame(a, heap.first());
        heap.remove(a);
        assertSame(c, heap.first());
        assertEquals(1, heap.size());
    }

    @Test
    void aSlotFreedWhileItsEntryIsAwayGoesToAnotherAndTheEntryGetsANewOneWhenItComesBack() {
        DueHeap<Item> heap = new DueHeap<>();
        Item away = new Item(10);
        Item stays = new Item(40);
        heap.add(away);
        heap.add(stays);
        int slot = away.slot;
        heap.take(away);
        heap.release(slot);
        Item newcomer = new Item(30);
        heap.add(newcomer);
        assertEquals(slot, newcomer.slot);
        assertFalse(heap.contains(away));
        away.due = 20;
        heap.add(away);
        assertNotEquals(slot, away.slot);
        assertSame(away, heap.first());
        heap.remove(away);
        assertSame(newcomer, heap.first());
        heap.remove(newcomer);
        assertSame(stays, heap.first());
        heap.take(stays);
        heap.forget(stays);
        assertEquals(-1, stays.slot);
        assertEquals(0, heap.size());
    }
}
