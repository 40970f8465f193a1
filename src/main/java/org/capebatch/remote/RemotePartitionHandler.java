package org.capebatch.remote;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.partition.support.AbstractPartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.MessageChannel;

/**
 * The manager side of remote partitioning: {@link MessageChannelPartitionHandler}'s
 * polling mode (send one {@link StepExecutionRequest} per partition, then watch the
 * partitions' status in the job repository, so no reply channel and nothing in the
 * manager's memory that a manager restart would lose), plus what that class cannot do
 * because it only sees the job repository:
 * <ul>
 * <li><b>Lost workers.</b> A worker killed mid-partition leaves it STARTED forever. Its
 * liveness lock ({@link RemotePartitionLocks}) is gone, though, so the partition is
 * marked FAILED within a poll interval; the others are awaited and the step then fails,
 * naming the lost partition. Running the same command again restarts only that partition,
 * from its last commit.</li>
 * <li><b>Leftovers of an earlier execution.</b> Batch's splitter refuses to restart a
 * partition whose last execution is still STARTING/STARTED (a manager that timed out or
 * was killed leaves them so). Before splitting, partitions of earlier executions still
 * running in a live worker are awaited (re-running them beside it would write their
 * entries twice) and those whose worker is gone are marked FAILED, so the restart
 * re-dispatches them.</li>
 * <li><b>Timeout</b> ({@code cape.remote.timeout}) for what nothing else detects, such as
 * no worker running at all; requests nobody picked up are then marked FAILED so that a
 * worker starting later drops them.</li>
 * </ul>
 */
public class RemotePartitionHandler extends AbstractPartitionHandler {

    private static final Logger log = LoggerFactory.getLogger(RemotePartitionHandler.class);

    private final String workerStepName;

    private final MessageChannel requests;

    private final JobRepository jobRepository;

    private final RemotePartitionLocks locks;

    private final Duration pollInterval;

    private final Duration timeout;

    private final MessagingTemplate messaging = new MessagingTemplate();

    public RemotePartitionHandler(String workerStepName, int gridSize, MessageChannel requests,
            JobRepository jobRepository, RemotePartitionLocks locks, Duration pollInterval, Duration timeout) {
        this.workerStepName = workerStepName;
        this.requests = requests;
        this.jobRepository = jobRepository;
        this.locks = locks;
        this.pollInterval = pollInterval;
        this.timeout = timeout;
        setGridSize(gridSize);
    }

    @Override
    public Collection<StepExecution> handle(StepExecutionSplitter splitter, StepExecution managerStepExecution)
            throws Exception {
        settleEarlierPartitions(managerStepExecution.getJobExecution());
        return super.handle(splitter, managerStepExecution);
    }

    @Override
    protected Set<StepExecution> doHandle(StepExecution managerStepExecution, Set<StepExecution> partitions)
            throws Exception {
        if (partitions.isEmpty()) {
            return partitions;
        }
        List<StepExecution> ordered = partitions.stream()
            .sorted(Comparator.comparing(StepExecution::getStepName))
            .toList();
        for (StepExecution partition : ordered) {
            // Committed on send: the partitions' step executions were saved by the
            // splitter before.
            messaging.send(requests,
                    MessageBuilder.withPayload(new StepExecutionRequest(workerStepName, partition.getId())).build());
        }
        log.info("Sent {} partition requests of {} to the workers; waiting up to {}", ordered.size(), workerStepName,
                timeout);
        Set<Long> ids = partitions.stream().map(StepExecution::getId).collect(Collectors.toSet());
        return await(managerStepExecution.getJobExecutionId(), ids);
    }

    private Set<StepExecution> await(long jobExecutionId, Set<Long> ids) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> lost = new ArrayList<>();
        long lastRunning = -1;
        while (true) {
            Thread.sleep(pollInterval.toMillis());
            List<StepExecution> partitions = jobRepository.getJobExecution(jobExecutionId)
                .getStepExecutions()
                .stream()
                .filter(p -> ids.contains(p.getId()))
                .toList();
            List<StepExecution> running = partitions.stream().filter(p -> p.getStatus().isRunning()).toList();
            for (StepExecution partition : running) {
                if (partition.getStatus() == BatchStatus.STARTED && failIfLost(partition, null)) {
                    lost.add(partition.getStepName());
                }
            }
            if (running.isEmpty()) {
                if (!lost.isEmpty()) {
                    throw new IllegalStateException("the worker running " + String.join(", ", lost)
                            + " was lost (process ended mid-partition); the other partitions finished");
                }
                return new HashSet<>(partitions);
            }
            if (System.nanoTime() - deadline > 0) {
                for (StepExecution partition : running) {
                    if (partition.getStatus() == BatchStatus.STARTING) {
                        markFailed(partition, "not picked up by any worker within " + timeout);
                    }
                }
                throw new IllegalStateException(running.size() + " of " + ids.size() + " partitions of "
                        + workerStepName + " did not finish within " + timeout + " (cape.remote.timeout); check that"
                        + " workers (profile worker) run against this database");
            }
            if (running.size() != lastRunning) {
                lastRunning = running.size();
                log.info("Waiting for {} of {} partitions of {}", running.size(), ids.size(), workerStepName);
            }
        }
    }

    /**
     * Before a restart splits: every partition of an earlier execution that did not
     * complete is either still running in a live worker (wait for it, up to the timeout)
     * or abandoned (mark it FAILED if still marked running). Non-running ones are checked
     * too: a killed manager's recovery marks live partitions FAILED.
     */
    private void settleEarlierPartitions(JobExecution current) throws InterruptedException {
        for (JobExecution earlier : jobRepository.getJobExecutions(current.getJobInstance())) {
            if (earlier.getId() == current.getId()) {
                continue;
            }
            for (StepExecution partition : jobRepository.getJobExecution(earlier.getId()).getStepExecutions()) {
                if (partition.getStepName().startsWith(workerStepName + ":")
                        && partition.getStatus() != BatchStatus.COMPLETED) {
                    awaitReleased(partition);
                    if (partition.getStatus().isRunning()) {
                        failIfLost(partition, "left " + partition.getStatus() + " by job execution " + earlier.getId()
                                + " whose worker or manager stopped; re-run by job execution " + current.getId());
                    }
                }
            }
        }
    }

    private void awaitReleased(StepExecution partition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean logged = false;
        while (locks.isHeld(partition)) {
            if (!logged) {
                log.info("{} of job execution {} still runs in worker {}; waiting for it before restarting",
                        partition.getStepName(), partition.getJobExecutionId(), worker(partition));
                logged = true;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException(partition.getStepName() + " of job execution "
                        + partition.getJobExecutionId() + " still runs in worker " + worker(partition) + " after "
                        + timeout + "; wait for it or stop that worker, then run the same command again");
            }
            Thread.sleep(pollInterval.toMillis());
        }
    }

    /**
     * Lock free and, read after that, status still running: the final status is saved
     * before a worker releases the lock, so the worker is gone.
     */
    private boolean failIfLost(StepExecution partition, String reason) {
        if (locks.isHeld(partition)) {
            return false;
        }
        StepExecution fresh = jobRepository.getStepExecution(partition.getId());
        if (fresh == null || !fresh.getStatus().isRunning()) {
            return false;
        }
        String why = reason != null ? reason : "worker " + worker(fresh) + " was lost mid-partition";
        log.warn("{} (step execution {}): {}", fresh.getStepName(), fresh.getId(), why);
        return markFailed(fresh, why);
    }

    private boolean markFailed(StepExecution partition, String reason) {
        partition.setStatus(BatchStatus.FAILED);
        partition.setExitStatus(ExitStatus.FAILED.addExitDescription(reason));
        partition.setEndTime(LocalDateTime.now());
        try {
            jobRepository.update(partition);
            return true;
        }
        catch (OptimisticLockingFailureException e) {
            // A worker saved it in the meantime, so it is alive after all; the next poll
            // sees its status.
            return false;
        }
    }

    private static String worker(StepExecution partition) {
        return partition.getExecutionContext().getString(RemotePartitionWorker.WORKER_KEY, "?");
    }

}
