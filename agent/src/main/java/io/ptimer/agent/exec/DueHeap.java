package io.ptimer.agent.exec;

import java.util.Arrays;

/**
 * A binary heap of {@link Due}s ordered by due time, then by the order they were made in: adding and
 * removing cost O(log n), the nearest is at hand. Each entry has a slot here; the heap itself orders
 * slots, with their due times and order of making, in arrays of primitives, so sifting through
 * thousands of entries neither loads an entry nor stores a reference. A lane that takes an entry out
 * to run it and adds it back keeps its slot meanwhile ({@link #take}): in the steady state no
 * reference is stored at all, which a concurrent collector's write barrier would otherwise turn into
 * card-scanning work at every step.
 * Confined to its lane's thread.
 *
 * @param <T> what falls due
 */
final class DueHeap<T extends Due> {
    private static final int INITIAL = 64;
    /** By slot: the entry, and its index in the heap. */
    private Due[] entries = new Due[INITIAL];
    private int[] positions = new int[INITIAL];
    /** Slots given back, taken again first, so that the entries in use stay in few cache lines. */
    private int[] freeSlots = new int[INITIAL];
    private int free;
    private int slotsMade;
    /** By index in the heap: the slot, its due time and its order of making. */
    private int[] slots = new int[INITIAL];
    private long[] dues = new long[INITIAL];
    private int[] seqs = new int[INITIAL];
    private int size;

    int size() {
        return size;
    }

    /** The nearest due; the heap is not empty. */
    @SuppressWarnings("unchecked")
    T first() {
        return (T) entries[slots[0]];
    }

    /** When the nearest is due; the heap is not empty. */
    long firstDue() {
        return dues[0];
    }

    /** Whether {@code d} is in this heap (not only keeping its slot). */
    boolean contains(Due d) {
        return holds(d) && positions[d.slot] >= 0;
    }

    /** Whether {@code d} has a slot here, in the heap or kept by {@link #take}. */
    private boolean holds(Due d) {
        int slot = d.slot;
        return slot >= 0 && slot < slotsMade && entries[slot] == d;
    }

    /** Adds {@code d}, due at its {@link Due#due}; it is not in the heap, but may keep a slot here. */
    void add(T d) {
        int slot;
        if (holds(d)) {
            slot = d.slot;
        } else {
            slot = free > 0 ? freeSlots[--free] : newSlot();
            entries[slot] = d;
            d.slot = slot;
        }
        siftUp(size++, slot, d.due, d.seq);
    }

    /** Removes {@code d}, which is in the heap, and frees its slot. */
    void remove(T d) {
        take(d);
        forget(d);
    }

    /**
     * Removes {@code d}, which is in the heap, and keeps its slot for its next {@link #add}: an entry
     * that comes back at once costs no reference stored (and no card a garbage collector must scan).
     */
    void take(T d) {
        int slot = d.slot;
        int i = positions[slot];
        int last = --size;
        positions[slot] = -1;
        if (i != last) {
            int moved = slots[last];
            long movedDue = dues[last];
            int movedSeq = seqs[last];
            siftDown(i, moved, movedDue, movedSeq);
            if (slots[i] == moved) {
                siftUp(i, moved, movedDue, movedSeq);
            }
        }
    }

    /** Frees the slot that {@code d}, taken out, kept. */
    void forget(T d) {
        release(d.slot);
        d.slot = -1;
    }

    /**
     * Frees a slot that an entry taken out kept; its entry, no longer known here, may be on another
     * thread by now and is not touched.
     */
    void release(int slot) {
        entries[slot] = null;
        freeSlots[free++] = slot;
    }

    private int newSlot() {
        if (slotsMade == entries.length) {
            int n = slotsMade * 2;
            entries = Arrays.copyOf(entries, n);
            positions = Arrays.copyOf(positions, n);
            freeSlots = Arrays.copyOf(freeSlots, n);
            slots = Arrays.copyOf(slots, n);
            dues = Arrays.copyOf(dues, n);
            seqs = Arrays.copyOf(seqs, n);
        }
        return slotsMade++;
    }

    private void siftUp(int i, int slot, long due, int seq) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(due, seq, dues[parent], seqs[parent])) {
                break;
            }
            place(i, slots[parent], dues[parent], seqs[parent]);
            i = parent;
        }
        place(i, slot, due, seq);
    }

    private void siftDown(int i, int slot, long due, int seq) {
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && before(dues[right], seqs[right], dues[child], seqs[child])) {
                child = right;
            }
            if (!before(dues[child], seqs[child], due, seq)) {
                break;
            }
            place(i, slots[child], dues[child], seqs[child]);
            i = child;
        }
        place(i, slot, due, seq);
    }

    /** Whether {@code (due, seq)} comes strictly before {@code (otherDue, otherSeq)}. */
    private static boolean before(long due, int seq, long otherDue, int otherSeq) {
        long d = due - otherDue;
        return d < 0 || (d == 0 && seq - otherSeq < 0);
    }

    private void place(int i, int slot, long due, int seq) {
        slots[i] = slot;
        dues[i] = due;
        seqs[i] = seq;
        positions[slot] = i;
    }
}
