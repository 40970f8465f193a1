package org.capebatch.jobstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The configuration on its own: when it applies, and that closing the context stops the
 * server it started.
 */
class EmbeddedPostgresDataSourceConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withUserConfiguration(EmbeddedPostgresDataSourceConfiguration.class)
        .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class));

    @TempDir
    Path workDir;

    @Test
    void dataSource_WhenNoUrl_ThenPoolOnEmbeddedServerWhichStopsWithContext() {
        AtomicLong postmasterPid = new AtomicLong();

        runner.withPropertyValues("cape.work-dir=" + workDir, "cape.datasource.pool-size=3").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(DataSource.class);
            EmbeddedPostgresServer server = context.getBean(EmbeddedPostgresServer.class);
            HikariDataSource dataSource = context.getBean(HikariDataSource.class);
            assertThat(dataSource.getJdbcUrl()).isEqualTo(server.jdbcUrl());
            assertThat(dataSource.getMaximumPoolSize()).isEqualTo(3);
            assertThat(new JdbcTemplate(dataSource).queryForObject("SELECT 1 + 1", Integer.class)).isEqualTo(2);
            postmasterPid.set(server.postmasterPid());
        });

        assertThat(ServerProcesses.awaitExit(List.of(postmasterPid.get()), Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void dataSource_WhenUrlSet_ThenEmbeddedServerNotStartedAndBootPoolUsesUrl() {
        runner
            .withPropertyValues("cape.work-dir=" + workDir,
                    "spring.datasource.url=jdbc:postgresql://db.example:5432/cape")
            .run(context -> {
                assertThat(context).hasNotFailed().doesNotHaveBean(EmbeddedPostgresServer.class);
                assertThat(context.getBean(HikariDataSource.class).getJdbcUrl())
                    .isEqualTo("jdbc:postgresql://db.example:5432/cape");
            });
        assertThat(workDir.resolve(EmbeddedPostgresServer.DATA_DIRECTORY)).doesNotExist();
    }

}
