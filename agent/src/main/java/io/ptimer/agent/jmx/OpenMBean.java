package io.ptimer.agent.jmx;

import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;

/** A read-only dynamic MBean whose attributes are the {@link OpenAttributes} of its own class. */
abstract class OpenMBean<M extends OpenMBean<M>> extends ReadOnlyMBean {

    /** The attributes of this MBean's class. */
    abstract OpenAttributes<M> attributes();

    @SuppressWarnings("unchecked")
    private M self() {
        return (M) this;
    }

    @Override
    public final Object getAttribute(String attribute) throws AttributeNotFoundException {
        return attributes().get(self(), attribute);
    }

    @Override
    public final AttributeList getAttributes(String[] attributes) {
        return attributes().get(self(), attributes);
    }
}
