package io.ptimer.agent.exec;

import java.util.Arrays;

/**
 * A binary heap of {@link Due}s ordered by due time: adding and removing cost O(log n), the nearest
 * is at hand. The due times are kept in an array of their own beside the entries, so that sifting
 * through thousands of entries compares within one array instead of loading an object a level.
 * Confined to its lane's thread.
 *
 * @param <T> what falls due
 */
final class DueHeap<T extends Due> {
    private Due[] items = new Due[64];
    private long[] dues = new long[64];
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
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            long p = dues[parent];
            if (p - due <= 0) {
                break;
            }
            place(i, items[parent], p);
            i = parent;
        }
        place(i, d, due);
    }

    private void siftDown(int i, Due d, long due) {
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && dues[right] - dues[child] < 0) {
                child = right;
            }
            long c = dues[child];
            if (due - c <= 0) {
                break;
            }
            place(i, items[child], c);
            i = child;
        }
        place(i, d, due);
    }

    private void place(int i, Due d, long due) {
        items[i] = d;
        dues[i] = due;
        d.index = i;
    }
}
