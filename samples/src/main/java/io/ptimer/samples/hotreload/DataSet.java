package io.ptimer.samples.hotreload;

import java.util.List;
import java.util.stream.IntStream;

/** The task data the API serves, {@code {"data":[{"a":100},{"a":200}],"len":2}}. */
public record DataSet(List<Item> data, int len) {

    /** One task. */
    public record Item(int a) {
    }

    /** {@code count} items whose {@code a} runs {@code first, first + step, ...}. */
    static DataSet of(int count, int first, int step) {
        return new DataSet(IntStream.range(0, count).mapToObj(i -> new Item(first + i * step)).toList(), count);
    }
}
