package io.ptimer.agent.jmx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.MBeanAttributeInfo;
import javax.management.openmbean.OpenType;

/**
 * The read-only attributes of an MBean of type {@code M}: each an open type, a description, and how
 * to read it from the MBean. Built once per MBean class; immutable after.
 */
final class OpenAttributes<M> {
    private record Attr<M>(OpenType<?> type, String description, Function<M, Object> value) {
    }

    private final Map<String, Attr<M>> attributes = new LinkedHashMap<>();
    private volatile MBeanAttributeInfo[] infos;

    /** Adds an attribute; for building only. */
    OpenAttributes<M> add(String name, OpenType<?> type, String description, Function<M, Object> value) {
        attributes.put(name, new Attr<>(type, description, value));
        return this;
    }

    /**
     * The attributes' infos, made once and shared by every MBean of the kind: thousands of timers
     * carry one copy ({@link javax.management.MBeanInfo} hands out copies of the array).
     */
    MBeanAttributeInfo[] infos() {
        MBeanAttributeInfo[] made = infos;
        if (made == null) {
            List<MBeanAttributeInfo> list = new ArrayList<>();
            attributes.forEach((n, a) -> list.add(Jmx.attribute(n, a.type(), a.description())));
            made = list.toArray(MBeanAttributeInfo[]::new);
            infos = made;
        }
        return made;
    }

    Object get(M mbean, String name) throws AttributeNotFoundException {
        Attr<M> a = attributes.get(name);
        if (a == null) {
            throw new AttributeNotFoundException("no attribute \"" + name + "\" (attributes: "
                    + String.join(", ", attributes.keySet()) + ")");
        }
        return a.value().apply(mbean);
    }

    AttributeList get(M mbean, String[] names) {
        AttributeList list = new AttributeList();
        for (String name : names) {
            Attr<M> a = attributes.get(name);
            if (a != null) {
                list.add(new Attribute(name, a.value().apply(mbean)));
            }
        }
        return list;
    }
}
