package org.capebatch.jobstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.capebatch.CapeBatchApplication;
import org.capebatch.jobstore.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * SPEC §1 zero setup: the application with no datasource URL gets a working job store
 * with the Batch schema. The context is closed after the class, so its server stops
 * before JUnit deletes the temporary work directory.
 */
@DirtiesContext
@SpringBootTest(classes = CapeBatchApplication.class, properties = "cape.job.run-on-startup=false")
class EmbeddedJobStoreApplicationTest {

    @TempDir
    static Path workDir;

    @DynamicPropertySource
    static void workDir(DynamicPropertyRegistry registry) {
        registry.add("cape.work-dir", workDir::toString);
    }

    @Autowired
    DataSource dataSource;

    @Autowired
    EmbeddedPostgresServer server;

    @Test
    void context_WhenNoDatasourceUrl_ThenEmbeddedStoreMigratedByFlyway() throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);

        assertThat(server.dataDirectory()).isEqualTo(workDir.toRealPath().resolve("pgdata"));
        assertThat(jdbc.queryForObject("SELECT inet_server_port()", Integer.class)).isEqualTo(server.port());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM BATCH_JOB_INSTANCE", Long.class)).isZero();
        assertThat(jdbc.queryForList("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank",
                String.class))
            .startsWith("1", "2");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM cape_ledger", Long.class)).isZero();
    }

}
