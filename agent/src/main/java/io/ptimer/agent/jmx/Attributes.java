package io.ptimer.agent.jmx;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.MBeanAttributeInfo;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenType;

/**
 * Read-only attributes of open types, each read from a source object when asked: the attributes of
 * an MBean, or the columns of a table row. Filled once, then only read.
 *
 * @param <S> what the values are read from
 */
final class Attributes<S> {
    private record Attr<S>(OpenType<?> type, String description, Function<S, Object> value) {
    }

    private final Map<String, Attr<S>> attributes = new LinkedHashMap<>();

    Attributes<S> add(String name, OpenType<?> type, String description, Function<S, Object> value) {
        attributes.put(name, new Attr<>(type, description, value));
        return this;
    }

    MBeanAttributeInfo[] info() {
        return attributes.entrySet().stream()
                .map(e -> Jmx.attribute(e.getKey(), e.getValue().type(), e.getValue().description()))
                .toArray(MBeanAttributeInfo[]::new);
    }

    Object get(S source, String name) throws AttributeNotFoundException {
        Attr<S> a = attributes.get(name);
        if (a == null) {
            throw new AttributeNotFoundException("no attribute \"" + name + "\" (attributes: "
                    + String.join(", ", attributes.keySet()) + ")");
        }
        return a.value().apply(source);
    }

    AttributeList get(S source, String[] names) {
        AttributeList list = new AttributeList();
        for (String name : names) {
            Attr<S> a = attributes.get(name);
            if (a != null) {
                list.add(new Attribute(name, a.value().apply(source)));
            }
        }
        return list;
    }

    /** The attributes as the columns of a composite type. */
    CompositeType compositeType(String typeName, String description) throws OpenDataException {
        return new CompositeType(typeName, description, attributes.keySet().toArray(String[]::new),
                attributes.values().stream().map(Attr::description).toArray(String[]::new),
                attributes.values().stream().map(Attr::type).toArray(OpenType<?>[]::new));
    }

    /** One row of {@code type} (made by {@link #compositeType}) with the values of {@code source}. */
    CompositeData row(CompositeType type, S source) {
        Map<String, Object> values = new LinkedHashMap<>();
        attributes.forEach((n, a) -> values.put(n, a.value().apply(source)));
        try {
            return new CompositeDataSupport(type, values);
        } catch (OpenDataException e) {
            throw new IllegalStateException(e);
        }
    }
}
