package org.capebatch.job;

import java.time.LocalDateTime;
import java.util.List;

import org.capebatch.remote.RemotePartitionLocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Makes a job instance restartable again, called only while holding the instance's
 * advisory lock (so no other process runs it):
 * <ul>
 * <li>an execution left STARTED/STOPPING by a killed process is marked FAILED with Batch
 * 6's {@code recover};</li>
 * <li>an execution or step left UNKNOWN (a chunk transaction whose commit or rollback
 * failed because the database connection broke, issue 7 item 4) is marked FAILED too.
 * Batch refuses to restart UNKNOWN ("Cannot restart job from UNKNOWN status") because it
 * cannot know whether the chunk committed. Here that does not matter: every step writes
 * its business rows and its checkpoint in the same transaction on the same database, so
 * either both committed or neither, and the restart resumes from whichever checkpoint is
 * in the database.</li>
 * </ul>
 */
class ExecutionRecovery {

    private static final Logger log = LoggerFactory.getLogger(ExecutionRecovery.class);

    private final JobOperator jobOperator;

    private final JobRepository jobRepository;

    private final ObjectProvider<RemotePartitionLocks> partitionLocks;

    ExecutionRecovery(JobOperator jobOperator, JobRepository jobRepository,
            ObjectProvider<RemotePartitionLocks> partitionLocks) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.partitionLocks = partitionLocks;
    }

    /**
     * Recovers every execution of the instance that blocks a restart; returns the last
     * execution, reloaded.
     */
    JobExecution recover(JobExecution last, String what) throws InterruptedException {
        if (last.getStatus().isRunning()) {
            log.warn("Execution {} of {} was left {} by a process that died; recovering it", last.getId(), what,
                    last.getStatus());
            awaitLiveWorkers(last);
            jobOperator.recover(jobRepository.getJobExecution(last.getId()));
        }
        JobInstance instance = last.getJobInstance();
        List<JobExecution> executions = jobRepository.getJobExecutions(instance);
        for (JobExecution execution : executions) {
            recoverUnknown(execution, what);
        }
        return jobRepository.getJobExecution(last.getId());
    }

    private void recoverUnknown(JobExecution execution, String what) {
        boolean changed = false;
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStatus() == BatchStatus.UNKNOWN) {
                step.setStatus(BatchStatus.FAILED);
                step.setExitStatus(
                        new ExitStatus(ExitStatus.FAILED.getExitCode(), step.getExitStatus().getExitDescription()));
                if (step.getEndTime() == null) {
                    step.setEndTime(LocalDateTime.now());
                }
                jobRepository.update(step);
                changed = true;
            }
        }
        if (execution.getStatus() == BatchStatus.UNKNOWN) {
            execution.setStatus(BatchStatus.FAILED);
            execution.setExitStatus(
                    new ExitStatus(ExitStatus.FAILED.getExitCode(), execution.getExitStatus().getExitDescription()));
            if (execution.getEndTime() == null) {
                execution.setEndTime(LocalDateTime.now());
            }
            jobRepository.update(execution);
            changed = true;
        }
        if (changed) {
            log.warn(
                    "Execution {} of {} was left UNKNOWN (its database connection broke during a commit);"
                            + " marked FAILED so it resumes from its last committed checkpoint",
                    execution.getId(), what);
        }
    }

    /**
     * With remote partitioning a killed manager can leave workers still running
     * partitions of its execution. Recovering now would mark those FAILED under their
     * feet; wait until no worker holds a partition's lock.
     */
    private void awaitLiveWorkers(JobExecution execution) throws InterruptedException {
        RemotePartitionLocks locks = partitionLocks.getIfAvailable();
        if (locks == null) {
            return;
        }
        while (execution.getStepExecutions().stream().filter(s -> s.getStatus().isRunning()).anyMatch(locks::isHeld)) {
            log.info("Waiting for workers still running partitions of execution {}", execution.getId());
            Thread.sleep(2_000);
            execution = jobRepository.getJobExecution(execution.getId());
        }
    }

}
