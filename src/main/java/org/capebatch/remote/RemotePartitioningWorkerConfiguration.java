package org.capebatch.remote;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.integration.partition.BeanFactoryStepLocator;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.Pollers;

/**
 * Profile {@code worker}: a long-lived process that polls the PostgreSQL request channel
 * and runs each partition with the very step beans of local partitioning
 * ({@code importFileStep}, {@code assessPartitionStep}), found by name. One partition at
 * a time per process (the poller's thread runs it); scale by running more workers. The
 * job runner is off ({@code application-worker.yml}); {@link RemoteWorkerKeepAlive} keeps
 * the process up.
 */
@Configuration(proxyBeanMethods = false)
@Profile("worker")
public class RemotePartitioningWorkerConfiguration {

    @Bean
    PartitionStallWatchdog partitionStallWatchdog(JobRepository jobRepository, ApplicationEventPublisher events,
            RemotePartitioningProperties properties) {
        return new PartitionStallWatchdog(jobRepository, events, properties.getStallTimeout());
    }

    @Bean
    RemotePartitionWorker remotePartitionWorker(JobRepository jobRepository, RemotePartitionLocks remotePartitionLocks,
            PartitionStallWatchdog partitionStallWatchdog, BeanFactory beanFactory) {
        BeanFactoryStepLocator stepLocator = new BeanFactoryStepLocator();
        stepLocator.setBeanFactory(beanFactory);
        StepExecutionRequestHandler requestHandler = new StepExecutionRequestHandler();
        requestHandler.setJobRepository(jobRepository);
        requestHandler.setStepLocator(stepLocator);
        return new RemotePartitionWorker(jobRepository, requestHandler, remotePartitionLocks, partitionStallWatchdog);
    }

    /**
     * No transaction around the poll: the request is removed at once and the step commits
     * chunk by chunk.
     */
    @Bean
    IntegrationFlow remotePartitionWorkerFlow(QueueChannel remotePartitionRequests, RemotePartitionWorker worker,
            RemotePartitioningProperties properties) {
        return IntegrationFlow.from(remotePartitionRequests).handle(StepExecutionRequest.class, (request, headers) -> {
            worker.execute(request);
            return null;
        }, endpoint -> endpoint
            .poller(Pollers.fixedDelay(properties.getWorkerPollInterval()).maxMessagesPerPoll(1).receiveTimeout(0)))
            .get();
    }

    @Bean
    RemoteWorkerKeepAlive remoteWorkerKeepAlive(RemotePartitionWorker worker, ApplicationEventPublisher events) {
        return new RemoteWorkerKeepAlive(worker.workerId(), events);
    }

}
