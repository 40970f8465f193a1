package org.capebatch.assessment;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.skip.SkipPolicy;

/**
 * Skips an entry that could not be assessed ({@link UnassessableEntryException}) and
 * nothing else: read and write errors and database errors fail the step as before. At
 * most {@code cape.job.skip-limit} entries per run (job execution), counted across
 * partitions: this partition's skips so far plus the skips other partitions, local
 * threads or remote workers alike, have committed to the job repository. Past the limit
 * the step fails with {@link SkipLimitExceededException}, naming the first exception this
 * partition skipped: a rule that throws for every entry must fail the run, not turn a
 * million entries into DATA_ERROR.
 */
public class EntrySkipPolicy implements SkipPolicy {

    private final long limit;

    private final JobRepository jobRepository;

    private final StepExecution stepExecution;

    private Throwable first;

    public EntrySkipPolicy(long limit, JobRepository jobRepository, StepExecution stepExecution) {
        this.limit = limit;
        this.jobRepository = jobRepository;
        this.stepExecution = stepExecution;
    }

    @Override
    public boolean shouldSkip(Throwable t, long skipCount) {
        if (!(t instanceof UnassessableEntryException)) {
            return false;
        }
        if (first == null) {
            first = t;
        }
        long skipped = Math.max(0, skipCount) + skippedByOtherPartitions();
        if (skipped >= limit) {
            throw new SkipLimitExceededException(limit, first);
        }
        return true;
    }

    private long skippedByOtherPartitions() {
        JobExecution job = jobRepository.getJobExecution(stepExecution.getJobExecutionId());
        if (job == null) {
            return 0;
        }
        String prefix = partitionedStepName(stepExecution.getStepName()) + ":";
        return job.getStepExecutions()
            .stream()
            .filter(s -> s.getId() != stepExecution.getId() && s.getStepName().startsWith(prefix))
            .mapToLong(StepExecution::getProcessSkipCount)
            .sum();
    }

    private static String partitionedStepName(String stepName) {
        int colon = stepName.indexOf(':');
        return colon < 0 ? stepName : stepName.substring(0, colon);
    }

    /**
     * Fails the step; its message (the run's stderr line) names the limit and the first
     * exception skipped.
     */
    public static class SkipLimitExceededException extends RuntimeException {

        SkipLimitExceededException(long limit, Throwable first) {
            super("more than " + limit + " entries could not be assessed (cape.job.skip-limit=" + limit
                    + "); the first: " + first.getMessage());
            addSuppressed(first);
        }

    }

}
