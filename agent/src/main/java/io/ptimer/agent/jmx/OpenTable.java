package io.ptimer.agent.jmx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.TabularData;
import javax.management.openmbean.TabularDataSupport;
import javax.management.openmbean.TabularType;

/**
 * A table of rows of type {@code R} as open data that JConsole, VisualVM and jmxterm show: the
 * columns are named, typed and described; the first column is the index, or the first few. Immutable
 * once built.
 */
final class OpenTable<R> {
    private record Column<R>(OpenType<?> type, String description, Function<R, Object> value) {
    }

    private final Map<String, Column<R>> columns = new LinkedHashMap<>();
    private CompositeType rowType;
    private TabularType tableType;

    /** Adds a column; for building only. */
    OpenTable<R> column(String name, OpenType<?> type, String description, Function<R, Object> value) {
        columns.put(name, new Column<>(type, description, value));
        return this;
    }

    /** Ends building: the row and table types get their names and descriptions; the first column is the index. */
    OpenTable<R> build(String rowName, String rowDescription, String tableName, String tableDescription) {
        return build(rowName, rowDescription, tableName, tableDescription, 1);
    }

    /** Ends building, with the first {@code indexColumns} columns together as the index. */
    OpenTable<R> build(String rowName, String rowDescription, String tableName, String tableDescription,
                       int indexColumns) {
        String[] names = columns.keySet().toArray(String[]::new);
        try {
            rowType = new CompositeType(rowName, rowDescription, names,
                    columns.values().stream().map(Column::description).toArray(String[]::new),
                    columns.values().stream().map(Column::type).toArray(OpenType<?>[]::new));
            tableType = new TabularType(tableName, tableDescription, rowType,
                    java.util.Arrays.copyOf(names, indexColumns));
        } catch (OpenDataException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    CompositeType rowType() {
        return rowType;
    }

    TabularType tableType() {
        return tableType;
    }

    CompositeData row(R row) {
        Map<String, Object> values = new LinkedHashMap<>();
        columns.forEach((n, c) -> values.put(n, c.value().apply(row)));
        try {
            return new CompositeDataSupport(rowType, values);
        } catch (OpenDataException e) {
            throw new IllegalStateException(e);
        }
    }

    TabularData table(List<R> rows) {
        TabularDataSupport table = new TabularDataSupport(tableType);
        for (R r : new ArrayList<>(rows)) {
            table.put(row(r));
        }
        return table;
    }
}
