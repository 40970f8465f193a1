package org.capebatch.jobstore;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import org.capebatch.jobstore.EmbeddedPostgresServer;
import org.capebatch.jobstore.EmbeddedPostgresServerTest;

/**
 * Run in a child JVM by {@link EmbeddedPostgresServerTest}: starts the server of the work
 * directory given as the first argument, commits the row given as the second, prints
 * {@code READY <postmaster pid>} and waits to be killed.
 */
public final class EmbeddedPostgresChild {

    private EmbeddedPostgresChild() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]));
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(), "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS note (text varchar(100) PRIMARY KEY)");
            statement.execute("INSERT INTO note VALUES ('" + args[1] + "')");
        }
        System.out.println("READY " + server.postmasterPid());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

}
