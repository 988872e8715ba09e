package org.tunebook.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * A few JDBC connections shared by the threads of one JVM. A thread borrows one connection per storage
 * call and gives it back at once; at most {@code size} are open. A connection that failed with a
 * connection-level error (SQLState class 08, or closed) is dropped and replaced on the next borrow, so a
 * restarted database server is reconnected to without reopening the storage.
 * <p>
 * Deliberately small instead of HikariCP: core depends on JDBC drivers only, calls are short (no connection
 * is held while an objective runs), and the pool needs neither timeouts nor metrics.
 */
final class ConnectionPool implements AutoCloseable {

    @FunctionalInterface
    interface Factory {
        Connection open() throws SQLException;
    }

    private final Factory factory;
    private final int size;
    private final Semaphore permits;
    private final ArrayDeque<Connection> idle = new ArrayDeque<>();
    private final List<Connection> all = new ArrayList<>();
    private boolean closed;

    ConnectionPool(int size, Factory factory) {
        if (size < 1) throw new IllegalArgumentException("a connection pool needs at least 1 connection, got " + size);
        this.factory = factory;
        this.size = size;
        this.permits = new Semaphore(size, true);
    }

    /** The most connections this pool opens. */
    int size() {
        return size;
    }

    /** A connection for the calling thread alone, until {@link #release}. */
    Connection borrow() throws SQLException {
        permits.acquireUninterruptibly();
        try {
            synchronized (this) {
                if (closed) throw new SQLException("the storage is closed", "08003");
                Connection c = idle.pollFirst();
                if (c != null) return c;
            }
            Connection c = factory.open();
            synchronized (this) {
                all.add(c);
            }
            return c;
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    /** Gives a connection back; a broken one is closed and forgotten. */
    void release(Connection c, boolean broken) {
        try {
            boolean drop = broken || isClosed(c);
            synchronized (this) {
                if (closed || drop) {
                    all.remove(c);
                    closeQuietly(c);
                } else {
                    idle.addFirst(c);
                }
            }
        } finally {
            permits.release();
        }
    }

    /** Whether an error means the connection itself is unusable. */
    static boolean isConnectionError(SQLException e) {
        String state = e.getSQLState();
        return state != null && state.startsWith("08");
    }

    private static boolean isClosed(Connection c) {
        try {
            return c.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing is best effort
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        for (Connection c : all) closeQuietly(c);
        all.clear();
        idle.clear();
    }
}
