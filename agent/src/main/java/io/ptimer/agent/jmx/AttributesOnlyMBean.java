package io.ptimer.agent.jmx;

import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.ReflectionException;

/** An MBean of open-type attributes and no operation: operators read it, and act elsewhere. */
abstract class AttributesOnlyMBean<M extends AttributesOnlyMBean<M>> extends OpenMBean<M> {
    private final OpenAttributes<M> attributes;
    private final MBeanInfo info;

    AttributesOnlyMBean(String description, OpenAttributes<M> attributes) {
        this.attributes = attributes;
        this.info = new MBeanInfo(getClass().getName(), description, attributes.infos(), null,
                new MBeanOperationInfo[0], null);
    }

    @Override
    final OpenAttributes<M> attributes() {
        return attributes;
    }

    @Override
    public final Object invoke(String action, Object[] params, String[] signature) throws ReflectionException {
        throw new ReflectionException(new NoSuchMethodException(action), "no operation " + action + ": "
                + info.getDescription() + " has attributes only");
    }

    @Override
    public final MBeanInfo getMBeanInfo() {
        return info;
    }
}
