package io.ptimer.agent.jmx;

import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;

/** A dynamic MBean whose attributes can only be read: operators act through its operations. */
abstract class ReadOnlyMBean implements DynamicMBean {

    @Override
    public final void setAttribute(Attribute attribute) throws AttributeNotFoundException {
        throw new AttributeNotFoundException("attribute \"" + attribute.getName() + "\" is read-only");
    }

    @Override
    public final AttributeList setAttributes(AttributeList attributes) {
        return new AttributeList();
    }
}
