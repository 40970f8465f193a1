package org.capebatch.jobstore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.FileSystemUtils;

/**
 * A real embedded PostgreSQL with the project's migrations applied, shared by the tests
 * of one class ({@code @RegisterExtension static final MigratedStore store = ...}), for
 * tests of the SQL a step runs without starting the job.
 */
public final class MigratedStore implements BeforeAllCallback, AfterAllCallback {

    private Path workDir;

    private EmbeddedPostgresServer server;

    private DataSource dataSource;

    private JdbcTemplate jdbc;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        workDir = Files.createTempDirectory("cape-store");
        server = EmbeddedPostgresServer.start(workDir);
        dataSource = new DriverManagerDataSource(server.jdbcUrl(), server.username(), "");
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (server != null) {
                server.close();
            }
        }
        finally {
            FileSystemUtils.deleteRecursively(workDir);
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

}
