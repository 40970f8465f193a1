package org.capebatch.jobstore;

import java.io.IOException;
import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * SPEC §1: with no {@code spring.datasource.url}, the job store is an embedded PostgreSQL
 * under {@code cape.work-dir}. Boot's DataSource auto-configuration backs off because a
 * DataSource bean exists; Flyway, the transaction manager and the Batch job repository
 * then all use this one. With a URL this class is skipped and Boot builds the pool for
 * that server as usual.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresDataSourceConfiguration.NoDataSourceUrl.class)
public class EmbeddedPostgresDataSourceConfiguration {

    /**
     * Closing the context stops the server: this process always started it, since an
     * orphan from a killed run is stopped and replaced, never adopted (see
     * {@link EmbeddedPostgresServer}).
     */
    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(@Value("${cape.work-dir:.cape}") Path workDir,
            ObjectProvider<EmbeddedPostgresEarlyStart> earlyStart) throws IOException {
        // Started while the context was being built (EmbeddedPostgresEarlyStartListener)
        // unless this context came without a SpringApplication (tests): then start here.
        EmbeddedPostgresEarlyStart started = earlyStart.getIfAvailable();
        if (started != null && started.isFor(workDir)) {
            return started.takeServer();
        }
        return EmbeddedPostgresServer.start(workDir);
    }

    /**
     * {@code spring.datasource.hikari.*} still tunes the pool, as it would for an
     * external server.
     */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgresServer server, @Value("${cape.datasource.pool-size:8}") int poolSize) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName("cape-embedded-postgres");
        dataSource.setJdbcUrl(server.jdbcUrl());
        dataSource.setUsername(server.username());
        dataSource.setMaximumPoolSize(poolSize);
        return dataSource;
    }

    /**
     * Whether the job store is the embedded server; also decides whether
     * {@link EmbeddedPostgresEarlyStartListener} starts it early.
     */
    static boolean usesEmbeddedStore(Environment environment) {
        return !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
    }

    /**
     * Blank counts as missing, so an empty {@code SPRING_DATASOURCE_URL=} still gets the
     * embedded store.
     */
    static final class NoDataSourceUrl extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return usesEmbeddedStore(context.getEnvironment())
                    ? ConditionOutcome.match("no spring.datasource.url: embedded PostgreSQL job store")
                    : ConditionOutcome.noMatch("spring.datasource.url is set");
        }

    }

}
