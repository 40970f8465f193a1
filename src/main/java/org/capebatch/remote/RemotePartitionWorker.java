package org.capebatch.remote;

import java.net.InetAddress;
import java.sql.SQLException;
import java.time.LocalDateTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Runs one partition request on a worker: the same worker step bean as local
 * partitioning, executed by Spring Batch's {@link StepExecutionRequestHandler}, guarded
 * so that a request runs at most once and never beside another run of the same partition.
 *
 * <p>
 * Requests leave the channel when polled (at most once delivery), so the guards are about
 * stale and duplicate requests, not lost ones — a lost request or a dead worker is the
 * manager's to detect ({@link RemotePartitionHandler}):
 * <ul>
 * <li>the partition's liveness lock ({@link RemotePartitionLocks}) is taken first and
 * held until the final status is saved, so the manager can tell a dead worker from a slow
 * one;</li>
 * <li>only a step execution still STARTING, of a job execution still running, is run: a
 * request left in the channel by a manager that has since failed is dropped, and its
 * partition is re-dispatched by the restart.</li>
 * </ul>
 */
public class RemotePartitionWorker {

    /**
     * Step execution context key naming the process that ran the partition (for
     * operators, and the tests).
     */
    public static final String WORKER_KEY = "cape.remote.worker";

    private static final Logger log = LoggerFactory.getLogger(RemotePartitionWorker.class);

    private final JobRepository jobRepository;

    private final StepExecutionRequestHandler requestHandler;

    private final RemotePartitionLocks locks;

    private final PartitionStallWatchdog watchdog;

    private final String workerId;

    public RemotePartitionWorker(JobRepository jobRepository, StepExecutionRequestHandler requestHandler,
            RemotePartitionLocks locks, PartitionStallWatchdog watchdog) {
        this.jobRepository = jobRepository;
        this.requestHandler = requestHandler;
        this.locks = locks;
        this.watchdog = watchdog;
        this.workerId = ProcessHandle.current().pid() + "@" + hostName();
    }

    public String workerId() {
        return workerId;
    }

    public void execute(StepExecutionRequest request) {
        try {
            guardedExecute(request);
        }
        catch (SQLException e) {
            throw new DataAccessResourceFailureException("partition lock for " + request.getStepName(), e);
        }
    }

    private void guardedExecute(StepExecutionRequest request) throws SQLException {
        StepExecution requested = jobRepository.getStepExecution(request.getStepExecutionId());
        if (requested == null) {
            log.warn("Dropped request for unknown step execution {} ({})", request.getStepExecutionId(),
                    request.getStepName());
            return;
        }
        String partition = requested.getStepName();
        try (RemotePartitionLocks.Lease lease = locks.tryAcquire(requested)) {
            if (lease == null) {
                if (requested.getStatus() == BatchStatus.STARTING) {
                    fail(requested, "partition " + partition + " is still running in another worker");
                }
                return;
            }
            // Re-read under the lock: the manager may have given up on this request
            // meanwhile.
            StepExecution partitionExecution = jobRepository.getStepExecution(request.getStepExecutionId());
            BatchStatus jobStatus = partitionExecution.getJobExecution().getStatus();
            if (partitionExecution.getStatus() != BatchStatus.STARTING || !jobStatus.isRunning()) {
                log.info("Dropped stale request for {} (step execution {} is {}, its job execution {} is {})",
                        partition, partitionExecution.getId(), partitionExecution.getStatus(),
                        partitionExecution.getJobExecutionId(), jobStatus);
                return;
            }
            partitionExecution.getExecutionContext().putString(WORKER_KEY, workerId);
            jobRepository.updateExecutionContext(partitionExecution);
            log.info("Running {} (step execution {}) in worker {}", partition, partitionExecution.getId(), workerId);
            StepExecution result;
            try (PartitionStallWatchdog.Watch watch = watchdog.watch(partitionExecution, lease)) {
                result = requestHandler.handle(request);
            }
            log.info("Finished {} (step execution {}) in worker {}: {}", partition, result.getId(), workerId,
                    result.getStatus());
        }
    }

    /**
     * Fails a duplicate instead of dropping it, so the manager does not wait for it until
     * its timeout.
     */
    private void fail(StepExecution partition, String reason) {
        log.warn("Refused {} (step execution {}): {}", partition.getStepName(), partition.getId(), reason);
        partition.setStatus(BatchStatus.FAILED);
        partition.setExitStatus(ExitStatus.FAILED.addExitDescription(reason));
        partition.setEndTime(LocalDateTime.now());
        jobRepository.update(partition);
    }

    private static String hostName() {
        String host = System.getenv("HOSTNAME");
        if (host != null && !host.isBlank()) {
            return host;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        }
        catch (java.io.IOException e) {
            return "unknown-host";
        }
    }

}
