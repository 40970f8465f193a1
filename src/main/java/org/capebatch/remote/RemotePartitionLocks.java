package org.capebatch.remote;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Liveness of remote partitions: a worker holds a PostgreSQL session advisory lock, keyed
 * by job instance and partition name, while it runs that partition. PostgreSQL drops the
 * lock when the worker's connection closes, which the OS does when the process dies, even
 * by kill -9. So "status STARTED but lock free" means the worker was lost, and "lock
 * held" means some live process still runs the partition and nobody else may start it —
 * the one fact the job repository alone cannot tell (a killed worker leaves its partition
 * STARTED forever).
 *
 * <p>
 * The two-int key space of advisory locks does not overlap the bigint one used for the
 * job-instance lock of {@code job.CapeJobRunner}.
 */
public class RemotePartitionLocks {

    private final DataSource dataSource;

    private final JdbcTemplate jdbc;

    public RemotePartitionLocks(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /**
     * Takes the lock of {@code partition} on a connection of its own, or returns null
     * when another session holds it. Close the lease when the partition has ended and its
     * final status is saved.
     */
    public Lease tryAcquire(StepExecution partition) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            if (!call(connection, "pg_try_advisory_lock", partition)) {
                connection.close();
                return null;
            }
            return new Lease(connection, partition);
        }
        catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * Whether a live session holds the lock of {@code partition}. A transaction-scoped
     * try-lock in autocommit takes and releases it within the one statement, so asking
     * never blocks a worker.
     */
    public boolean isHeld(StepExecution partition) {
        Boolean acquired = jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?, ?)", Boolean.class,
                classId(partition), objectId(partition));
        return !Boolean.TRUE.equals(acquired);
    }

    static int classId(StepExecution partition) {
        return (int) partition.getJobExecution().getJobInstance().getInstanceId();
    }

    static int objectId(StepExecution partition) {
        return partition.getStepName().hashCode();
    }

    private static boolean call(Connection connection, String function, StepExecution partition) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + function + "(?, ?)")) {
            ps.setInt(1, classId(partition));
            ps.setInt(2, objectId(partition));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /**
     * A held partition lock; closing unlocks it and returns the connection to the pool.
     * {@link #release()} may come first, from another thread
     * ({@link PartitionStallWatchdog}); the lock is released once either way.
     */
    public static final class Lease implements AutoCloseable {

        private final Connection connection;

        private final StepExecution partition;

        private boolean released;

        private Lease(Connection connection, StepExecution partition) {
            this.connection = connection;
            this.partition = partition;
        }

        /**
         * Unlocks now; the partition then counts as lost for the manager if it is still
         * marked running.
         */
        public synchronized void release() throws SQLException {
            if (released) {
                return;
            }
            released = true;
            try {
                call(connection, "pg_advisory_unlock", partition);
            }
            finally {
                connection.close();
            }
        }

        public synchronized boolean isReleased() {
            return released;
        }

        @Override
        public void close() throws SQLException {
            release();
        }

    }

}
