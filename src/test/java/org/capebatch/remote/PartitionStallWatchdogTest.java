package org.capebatch.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import org.capebatch.CapeBatchApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * Issue 11 item 6: a worker whose partition commits nothing for
 * {@code cape.remote.stall-timeout} releases the partition's lock (which is what makes
 * the manager fail that partition within one poll, see {@link RemotePartitionHandler})
 * and reports itself not live; a partition that keeps committing keeps its lock. Real job
 * repository and real advisory locks in the embedded PostgreSQL.
 */
@SpringBootTest(classes = CapeBatchApplication.class, properties = { "cape.job.run-on-startup=false",
        "cape.work-dir=target/remote-test-store", "cape.job.progress-interval=1h" })
class PartitionStallWatchdogTest {

    private static final Duration STALL_TIMEOUT = Duration.ofSeconds(1);

    @Autowired
    JobRepository jobRepository;

    @Autowired
    DataSource dataSource;

    @Autowired
    ApplicationContext context;

    @Autowired
    ApplicationAvailability availability;

    @AfterEach
    void live() {
        AvailabilityChangeEvent.publish(context, LivenessState.CORRECT);
    }

    @Test
    void watch_WhenPartitionCommitsNothingForStallTimeout_ThenLockReleasedAndWorkerNotLive() throws Exception {
        RemotePartitionLocks locks = new RemotePartitionLocks(dataSource);
        StepExecution partition = startedPartition();
        RemotePartitionLocks.Lease lease = locks.tryAcquire(partition);
        assertThat(locks.isHeld(partition)).isTrue();

        try (PartitionStallWatchdog watchdog = new PartitionStallWatchdog(jobRepository, context, STALL_TIMEOUT);
                PartitionStallWatchdog.Watch watch = watchdog.watch(partition, lease)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (locks.isHeld(partition) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        }

        assertThat(locks.isHeld(partition)).as("lock released").isFalse();
        assertThat(lease.isReleased()).isTrue();
        assertThat(availability.getLivenessState()).isEqualTo(LivenessState.BROKEN);
        lease.close(); // what the worker thread does when it ends: no error, the lock is
                       // gone once
    }

    @Test
    void watch_WhenPartitionKeepsCommitting_ThenLockKeptAndWorkerLive() throws Exception {
        RemotePartitionLocks locks = new RemotePartitionLocks(dataSource);
        StepExecution partition = startedPartition();

        try (RemotePartitionLocks.Lease lease = locks.tryAcquire(partition);
                PartitionStallWatchdog watchdog = new PartitionStallWatchdog(jobRepository, context, STALL_TIMEOUT);
                PartitionStallWatchdog.Watch watch = watchdog.watch(partition, lease)) {
            for (int chunk = 0; chunk < 15; chunk++) {
                Thread.sleep(200);
                partition.setCommitCount(chunk + 1);
                jobRepository.update(partition); // what a committed chunk does
            }
            assertThat(locks.isHeld(partition)).isTrue();
            assertThat(lease.isReleased()).isFalse();
        }
        assertThat(availability.getLivenessState()).isEqualTo(LivenessState.CORRECT);
    }

    private StepExecution startedPartition() {
        JobInstance instance = jobRepository.createJobInstance("stall-test",
                new JobParametersBuilder().addString("id", UUID.randomUUID().toString()).toJobParameters());
        JobExecution job = jobRepository.createJobExecution(instance,
                new JobParametersBuilder().addString("id", UUID.randomUUID().toString()).toJobParameters(),
                new ExecutionContext());
        job.setStatus(BatchStatus.STARTED);
        jobRepository.update(job);
        StepExecution partition = jobRepository.createStepExecution("assessPartitionStep:range000", job);
        partition.setStatus(BatchStatus.STARTED);
        jobRepository.update(partition);
        return partition;
    }

}
