package io.ptimer.agent.ptimer;

/** Kamailio's interval splitting of {@code n} tasks into {@code k} slices. */
final class Slices {
    private Slices() {
    }

    /** {@code ⌊(i+1)·n/k⌋ − ⌊i·n/k⌋}: the tasks of slice {@code i}; the shares of all slices sum to {@code n}. */
    static int share(int slice, int ntasks, int nslices) {
        long n = ntasks;
        return (int) ((slice + 1L) * n / nslices - slice * n / nslices);
    }
}
