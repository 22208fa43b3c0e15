package io.ptimer.samples.sql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An in-memory H2 database, kept while the JVM lives, reached over JDBC with one short-lived
 * connection per call. Failures surface as {@link IllegalStateException} naming the statement.
 */
public final class Database {
    private final String url;

    private Database(String url) {
        this.url = url;
    }

    /** The in-memory database {@code name}, created at its first use. */
    public static Database inMemory(String name) {
        return new Database("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    }

    /** Runs an insert, update, delete or DDL statement and returns the rows it changed. */
    public int update(String sql, Object... args) {
        try (Connection c = DriverManager.getConnection(url); PreparedStatement s = prepare(c, sql, args)) {
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Runs an insert into a table with a generated key, and returns the key. */
    public long insert(String sql, Object... args) {
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement s = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(s, args);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new IllegalStateException(sql + ": no generated key");
                }
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Runs a query whose first column of its first row is a number, and returns it (0 without rows). */
    public long number(String sql, Object... args) {
        try (Connection c = DriverManager.getConnection(url); PreparedStatement s = prepare(c, sql, args);
             ResultSet r = s.executeQuery()) {
            return r.next() ? r.getLong(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        bind(s, args);
        return s;
    }

    private static void bind(PreparedStatement s, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
    }
}
