package io.ptimer.agent.exec;

import java.util.Arrays;

/**
 * A binary heap of {@link Due}s ordered by due time: adding and removing cost O(log n), the nearest
 * is at hand. Confined to its lane's thread.
 *
 * @param <T> what falls due
 */
final class DueHeap<T extends Due> {
    private Due[] heap = new Due[64];
    private int size;

    int size() {
        return size;
    }

    /** The nearest due; the heap is not empty. */
    @SuppressWarnings("unchecked")
    T first() {
        return (T) heap[0];
    }

    void add(T d) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        d.index = size;
        heap[size++] = d;
        siftUp(d.index);
    }

    /** Removes {@code d}, which is in the heap. */
    void remove(T d) {
        int i = d.index;
        Due last = heap[--size];
        heap[size] = null;
        d.index = -1;
        if (i != size) {
            heap[i] = last;
            last.index = i;
            siftDown(i);
            if (heap[i] == last) {
                siftUp(i);
            }
        }
    }

    private void siftUp(int i) {
        Due d = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            Due p = heap[parent];
            if (p.due - d.due <= 0) {
                break;
            }
            heap[i] = p;
            p.index = i;
            i = parent;
        }
        heap[i] = d;
        d.index = i;
    }

    private void siftDown(int i) {
        Due d = heap[i];
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && heap[right].due - heap[child].due < 0) {
                child = right;
            }
            if (d.due - heap[child].due <= 0) {
                break;
            }
            heap[i] = heap[child];
            heap[i].index = i;
            i = child;
        }
        heap[i] = d;
        d.index = i;
    }
}
