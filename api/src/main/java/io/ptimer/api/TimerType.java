package io.ptimer.api;

/** The four ptimer timer types, with Kamailio's numeric codes. */
public enum TimerType {
    /** 0: sleep one interval, then run the loop route. */
    BASIC(0),
    /** 1: run the loop route on a fixed grid {@code t0 + k * interval}, without drift. */
    SYNC(1),
    /** 2: basic, and each loop works on the next slice of the tasks. */
    SLICE(2),
    /** 3: sync and slice together. */
    SYNCED_SLICE(3);

    private final int code;

    TimerType(int code) {
        this.code = code;
    }

    /**
     * Kamailio's number for this type, as used by {@code default_type} and {@code type=}.
     *
     * @return 0 to 3
     */
    public int code() {
        return code;
    }

    /**
     * Whether loops run on a fixed grid.
     *
     * @return true for types 1 and 3
     */
    public boolean synced() {
        return this == SYNC || this == SYNCED_SLICE;
    }

    /**
     * Whether each loop moves to the next slice.
     *
     * @return true for types 2 and 3
     */
    public boolean sliced() {
        return this == SLICE || this == SYNCED_SLICE;
    }

    /**
     * The type with the given code.
     *
     * @param code Kamailio's number of the type, 0 to 3
     * @return the type with that code
     * @throws IllegalArgumentException if {@code code} is not 0 to 3
     */
    public static TimerType of(int code) {
        for (TimerType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        throw new IllegalArgumentException("timer type " + code + " does not exist (0 basic, 1 sync, 2 slice, 3 synced slice)");
    }
}
