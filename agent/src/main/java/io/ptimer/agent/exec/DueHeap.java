package io.ptimer.agent.exec;

import java.util.Arrays;

/**
 * A binary heap of {@link Due}s ordered by due time, then by the order they were made in: adding and
 * removing cost O(log n), the nearest is at hand. The due times and that order are kept in arrays of
 * their own beside the entries, so that sifting through thousands of entries compares within arrays
 * instead of loading an object a level.
 * Confined to its lane's thread.
 *
 * @param <T> what falls due
 */
final class DueHeap<T extends Due> {
    private Due[] items = new Due[64];
    private long[] dues = new long[64];
    private int[] seqs = new int[64];
    private int size;

    int size() {
        return size;
    }

    /** The nearest due; the heap is not empty. */
    @SuppressWarnings("unchecked")
    T first() {
        return (T) items[0];
    }

    /** When the nearest is due; the heap is not empty. */
    long firstDue() {
        return dues[0];
    }

    /** Adds {@code d}, due at its {@link Due#due}. */
    void add(T d) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
            dues = Arrays.copyOf(dues, size * 2);
            seqs = Arrays.copyOf(seqs, size * 2);
        }
        siftUp(size++, d, d.due);
    }

    /** Removes {@code d}, which is in the heap. */
    void remove(T d) {
        int i = d.index;
        int last = --size;
        Due moved = items[last];
        long movedDue = dues[last];
        items[last] = null;
        d.index = -1;
        if (i != last) {
            siftDown(i, moved, movedDue);
            if (items[i] == moved) {
                siftUp(i, moved, movedDue);
            }
        }
    }

    private void siftUp(int i, Due d, long due) {
        int seq = d.seq;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(due, seq, dues[parent], seqs[parent])) {
                break;
            }
            place(i, items[parent], dues[parent]);
            i = parent;
        }
        place(i, d, due);
    }

    private void siftDown(int i, Due d, long due) {
        int seq = d.seq;
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
            place(i, items[child], dues[child]);
            i = child;
        }
        place(i, d, due);
    }

    /** Whether {@code (due, seq)} comes strictly before {@code (otherDue, otherSeq)}. */
    private static boolean before(long due, int seq, long otherDue, int otherSeq) {
        long d = due - otherDue;
        return d < 0 || (d == 0 && seq - otherSeq < 0);
    }

    private void place(int i, Due d, long due) {
        items[i] = d;
        dues[i] = due;
        seqs[i] = d.seq;
        d.index = i;
    }
}
