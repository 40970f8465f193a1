package org.capebatch.remote;

import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Notices a worker that stops making progress on its partition. Progress is what the job
 * repository shows: every committed chunk updates the partition's step execution
 * ({@code LAST_UPDATED}, written by this same JVM, so no clock skew). When nothing was
 * committed for {@code cape.remote.stall-timeout}, the watchdog
 * <ul>
 * <li>releases the partition's lock, so the manager sees a lost worker within one poll
 * and fails that partition instead of waiting for {@code cape.remote.timeout} (2 h); the
 * stalled thread, should it ever resume, cannot commit over that: the manager's update
 * changed the step execution's version;</li>
 * <li>marks the process not live ({@code /actuator/health/liveness} DOWN), so Kubernetes
 * restarts the pod.</li>
 * </ul>
 */
public class PartitionStallWatchdog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PartitionStallWatchdog.class);

    private final JobRepository jobRepository;

    private final ApplicationEventPublisher events;

    private final Duration stallTimeout;

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "partition-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    public PartitionStallWatchdog(JobRepository jobRepository, ApplicationEventPublisher events,
            Duration stallTimeout) {
        this.jobRepository = jobRepository;
        this.events = events;
        this.stallTimeout = stallTimeout;
    }

    /**
     * Watches {@code partition}, run under {@code lease}, until the returned handle is
     * closed.
     */
    public Watch watch(StepExecution partition, RemotePartitionLocks.Lease lease) {
        long period = Math.max(200, Math.min(stallTimeout.toMillis() / 4, 30_000));
        ScheduledFuture<?> check = scheduler.scheduleWithFixedDelay(() -> check(partition.getId(), lease), period,
                period, TimeUnit.MILLISECONDS);
        return () -> check.cancel(false);
    }

    private void check(long stepExecutionId, RemotePartitionLocks.Lease lease) {
        try {
            if (lease.isReleased()) {
                return;
            }
            StepExecution current = jobRepository.getStepExecution(stepExecutionId);
            if (current == null || !current.getStatus().isRunning() || current.getLastUpdated() == null) {
                return;
            }
            Duration idle = Duration.between(current.getLastUpdated(), LocalDateTime.now());
            if (idle.compareTo(stallTimeout) < 0) {
                return;
            }
            log.error(
                    "{} (step execution {}) made no progress for {} (cape.remote.stall-timeout {}): releasing its"
                            + " lock so the manager fails it, and reporting this worker not live",
                    current.getStepName(), stepExecutionId, idle.withNanos(0), stallTimeout);
            AvailabilityChangeEvent.publish(events, this, LivenessState.BROKEN);
            lease.release();
        }
        catch (SQLException | RuntimeException e) {
            log.warn("Could not check progress of step execution {}: {}", stepExecutionId, e.getMessage());
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    /** Stops watching one partition. */
    public interface Watch extends AutoCloseable {

        @Override
        void close();

    }

}
