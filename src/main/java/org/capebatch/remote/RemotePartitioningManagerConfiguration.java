package org.capebatch.remote;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.integration.channel.QueueChannel;

/**
 * Profile {@code manager}: runs the job as usual (job.CapeJobRunner), but the partitions
 * of {@code importStep} and {@code assessStep} go to worker processes through the
 * PostgreSQL channel. Import partitions read the input files by the path the manager saw,
 * so workers need the input on a shared volume at the same path.
 */
@Configuration(proxyBeanMethods = false)
@Profile("manager")
public class RemotePartitioningManagerConfiguration {

    @Bean
    RemotePartitionHandlers remotePartitionHandlers(QueueChannel remotePartitionRequests, JobRepository jobRepository,
            RemotePartitionLocks remotePartitionLocks, RemotePartitioningProperties properties) {
        return new RemotePartitionHandlers(remotePartitionRequests, jobRepository, remotePartitionLocks, properties);
    }

}
