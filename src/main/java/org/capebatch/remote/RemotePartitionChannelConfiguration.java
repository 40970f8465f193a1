package org.capebatch.remote;

import javax.sql.DataSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.jdbc.store.JdbcChannelMessageStore;
import org.springframework.integration.jdbc.store.channel.PostgresChannelMessageStoreQueryProvider;
import org.springframework.integration.store.MessageGroupQueue;

/**
 * The partition-request channel shared by manager and workers: a {@link QueueChannel}
 * whose queue is the table INT_CHANNEL_MESSAGE (Flyway V4) in the job-store database, so
 * PostgreSQL is the only transport. The manager's send is an INSERT; a worker's receive
 * is PostgreSQL's single-statement {@code DELETE ... FOR UPDATE SKIP LOCKED
 * RETURNING}, so competing workers never get the same request.
 */
@Configuration(proxyBeanMethods = false)
@Profile({ "manager", "worker" })
@EnableConfigurationProperties(RemotePartitioningProperties.class)
// Spring Boot's integration auto-configuration is excluded (application.yml) so that
// local runs start none of it.
@EnableIntegration
public class RemotePartitionChannelConfiguration {

    @Bean
    JdbcChannelMessageStore remotePartitionMessageStore(DataSource dataSource) {
        JdbcChannelMessageStore store = new JdbcChannelMessageStore(dataSource);
        store.setChannelMessageStoreQueryProvider(new PostgresChannelMessageStoreQueryProvider());
        // Requests are Java-serialized messages: accept only what a StepExecutionRequest
        // message contains.
        store.addAllowedPatterns("org.springframework.messaging.support.GenericMessage",
                "org.springframework.messaging.MessageHeaders",
                "org.springframework.batch.integration.partition.StepExecutionRequest", "java.util.*", "java.lang.*");
        return store;
    }

    @Bean
    QueueChannel remotePartitionRequests(JdbcChannelMessageStore remotePartitionMessageStore,
            RemotePartitioningProperties properties) {
        return new QueueChannel(new MessageGroupQueue(remotePartitionMessageStore, properties.getChannel()));
    }

    @Bean
    RemotePartitionLocks remotePartitionLocks(DataSource dataSource) {
        return new RemotePartitionLocks(dataSource);
    }

}
