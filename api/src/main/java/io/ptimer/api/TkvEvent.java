package io.ptimer.api;

/** A type/key/value event, as Kamailio's {@code async_tkv_emit} sends it to the event route. */
public interface TkvEvent {

    /** The event's type, as given to the emit call. */
    int type();

    /** The event's key. */
    String key();

    /** The event's value. */
    String value();

    /** The task group that runs the event route. */
    String group();
}
