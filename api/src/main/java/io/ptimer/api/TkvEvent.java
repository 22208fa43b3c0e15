package io.ptimer.api;

/** A type/key/value event, as Kamailio's {@code async_tkv_emit} sends it to the event route. */
public interface TkvEvent {

    /**
     * The event's type.
     *
     * @return the type given to the emit call
     */
    int type();

    /**
     * The event's key.
     *
     * @return the key given to the emit call
     */
    String key();

    /**
     * The event's value.
     *
     * @return the value given to the emit call
     */
    String value();

    /**
     * The task group that runs the event route.
     *
     * @return the group named by {@code async_tkv_gname}
     */
    String group();
}
