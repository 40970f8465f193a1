package org.capebatch.remote;

import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.messaging.MessageChannel;

/**
 * Present only in the {@code manager} profile: the job's manager steps ask it for their
 * partition handler instead of running partitions on local threads. The worker step is
 * found by name on the worker ({@code BeanFactoryStepLocator}), so it must be a bean of
 * that name in both processes — which it is, the application being the same.
 */
public class RemotePartitionHandlers {

    private final MessageChannel requests;

    private final JobRepository jobRepository;

    private final RemotePartitionLocks locks;

    private final RemotePartitioningProperties properties;

    public RemotePartitionHandlers(MessageChannel requests, JobRepository jobRepository, RemotePartitionLocks locks,
            RemotePartitioningProperties properties) {
        this.requests = requests;
        this.jobRepository = jobRepository;
        this.locks = locks;
        this.properties = properties;
    }

    /**
     * A handler sending the partitions of {@code workerStepName} to the workers; one per
     * manager step.
     */
    public PartitionHandler handler(String workerStepName, int gridSize) {
        return new RemotePartitionHandler(workerStepName, gridSize, requests, jobRepository, locks,
                properties.getPollInterval(), properties.getTimeout());
    }

}
