package org.capebatch.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.capebatch.jobstore.EmbeddedPostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The liveness locks on a real PostgreSQL: what the manager concludes from them about a
 * worker.
 */
class RemotePartitionLocksTest {

    @TempDir
    static Path workDir;

    private static EmbeddedPostgresServer server;

    private static RemotePartitionLocks locks;

    @BeforeAll
    static void start() throws Exception {
        server = EmbeddedPostgresServer.start(workDir);
        locks = new RemotePartitionLocks(new DriverManagerDataSource(server.jdbcUrl(), server.username(), ""));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void isHeld_WhenLeaseOpen_ThenHeldAndSecondAcquireRefused() throws Exception {
        StepExecution partition = partition(1, "assessPartitionStep:range000");

        try (RemotePartitionLocks.Lease lease = locks.tryAcquire(partition)) {
            assertThat(lease).isNotNull();
            assertThat(locks.isHeld(partition)).isTrue();
            assertThat(locks.tryAcquire(partition)).isNull();
        }

        assertThat(locks.isHeld(partition)).isFalse();
    }

    @Test
    void isHeld_WhenOtherPartitionOrInstanceLocked_ThenFree() throws Exception {
        try (RemotePartitionLocks.Lease lease = locks.tryAcquire(partition(2, "assessPartitionStep:range000"))) {
            assertThat(locks.isHeld(partition(2, "assessPartitionStep:range001"))).isFalse();
            assertThat(locks.isHeld(partition(3, "assessPartitionStep:range000"))).isFalse();
        }
    }

    @Test
    void isHeld_WhenAskedTwice_ThenAskingTookNoLock() {
        StepExecution partition = partition(4, "importFileStep:file00000");

        assertThat(locks.isHeld(partition)).isFalse();
        assertThat(locks.isHeld(partition)).isFalse();
    }

    private static StepExecution partition(long instanceId, String name) {
        JobExecution job = new JobExecution(instanceId * 10, new JobInstance(instanceId, "capeDeclarationJob"),
                new JobParameters());
        return new StepExecution(instanceId * 100, name, job);
    }

}
