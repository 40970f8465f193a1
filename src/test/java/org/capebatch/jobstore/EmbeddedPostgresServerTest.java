package org.capebatch.jobstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real PostgreSQL 17 servers on temporary work directories; each test stops everything it
 * started.
 */
class EmbeddedPostgresServerTest {

    private static final Duration CHILD_READY_WAIT = Duration.ofSeconds(90);

    @TempDir
    Path workDir;

    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void killChildren() {
        children.forEach(Process::destroyForcibly);
    }

    @Test
    void start_WhenRestartedAfterStop_ThenCommittedRowStillThereOnSamePort() throws Exception {
        int firstPort;
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(workDir)) {
            firstPort = server.port();
            insertNote(server, "before stop");
            assertThat(server.dataDirectory()).isEqualTo(workDir.toRealPath().resolve("pgdata"));
        }
        assertThat(workDir.resolve("pgdata").resolve(PostmasterPidFile.NAME)).doesNotExist();

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(workDir)) {
            assertThat(notes(server)).containsExactly("before stop");
            assertThat(server.port()).isEqualTo(firstPort);
        }
    }

    @Test
    void start_WhenPostmasterWasKilled_ThenStaleLockRemovedAndCommittedRowKept() throws Exception {
        long killedPid;
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(workDir)) {
            insertNote(server, "committed before kill");
            killedPid = server.postmasterPid();
            ProcessHandle.of(killedPid).orElseThrow().destroyForcibly();
            assertThat(ServerProcesses.awaitExit(List.of(killedPid), Duration.ofSeconds(10))).isTrue();
        }
        // Closing could not stop a dead server: the lock file of the killed postmaster is
        // still there.
        assertThat(PostmasterPidFile.read(workDir.resolve("pgdata")).map(PostmasterPidFile::pid)).contains(killedPid);

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(workDir)) {
            assertThat(server.postmasterPid()).isNotEqualTo(killedPid);
            assertThat(notes(server)).containsExactly("committed before kill");
        }
    }

    @Test
    void start_WhenStaleLockNamesLiveForeignProcess_ThenThatProcessIsLeftAlone() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(workDir)) {
            insertNote(server, "kept");
        }
        // A recycled pid: the lock file points at a live process that is not PostgreSQL.
        Process foreign = new ProcessBuilder("sleep", "300").start();
        children.add(foreign);
        Files.writeString(workDir.resolve("pgdata").resolve(PostmasterPidFile.NAME),
                foreign.pid() + "\n" + workDir.resolve("pgdata") + "\n1\n5432\n\nlocalhost\n 1 2\nready\n");

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(workDir)) {
            assertThat(notes(server)).containsExactly("kept");
        }
        assertThat(foreign.isAlive()).isTrue();
    }

    @Test
    void start_WhenOwnerJvmAliveThenKilled_ThenRefusedThenOrphanReplacedWithDataIntact() throws Exception {
        Process child = startChild("written by child");
        long orphanPid = awaitReady(child);

        // While the child lives it owns the work directory: a second process must not
        // start a second server.
        assertThatThrownBy(() -> EmbeddedPostgresServer.start(workDir, Duration.ofMillis(500)))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("in use by another process (pid " + child.pid() + ")");

        child.destroyForcibly().waitFor();
        assertThat(ServerProcesses.isRunning(orphanPid)).as("server outlives its killed JVM").isTrue();
        String recorded = Files.readString(workDir.resolve(EmbeddedPostgresServer.STATE_FILE));

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(workDir)) {
            assertThat(ServerProcesses.isRunning(orphanPid)).isFalse();
            assertThat(server.postmasterPid()).isNotEqualTo(orphanPid);
            assertThat(recorded).contains("port=" + server.port(), "postmaster.pid=" + orphanPid);
            assertThat(notes(server)).containsExactly("written by child");
        }
    }

    @Test
    void start_WhenCalledTwiceInOneJvm_ThenOneServerUntilLastHandleCloses() throws Exception {
        EmbeddedPostgresServer first = EmbeddedPostgresServer.start(workDir);
        long pid;
        try (EmbeddedPostgresServer second = EmbeddedPostgresServer.start(workDir.resolve(".").normalize())) {
            pid = first.postmasterPid();
            assertThat(second.postmasterPid()).isEqualTo(pid);
            first.close();
            first.close();
            insertNote(second, "still up");
        }
        assertThat(ServerProcesses.awaitExit(List.of(pid), Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void start_WhenInitializationWasInterrupted_ThenDataDirectoryStartsOver() throws Exception {
        Path dataDirectory = Files.createDirectories(workDir.resolve("pgdata"));
        Files.writeString(dataDirectory.resolve("PG_VERSION"), "17\n");
        Files.writeString(dataDirectory.resolve("postgresql.conf"), "# cut short by a kill during initdb\n");

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(workDir)) {
            insertNote(server, "fresh");
            assertThat(notes(server)).containsExactly("fresh");
        }
        assertThat(dataDirectory.resolve(EmbeddedPostgresServer.INITIALIZED_MARKER)).exists();
        assertThat(Files.readString(workDir.resolve(EmbeddedPostgresServer.STATE_FILE))).contains("port=");
    }

    private Process startChild(String note) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                EmbeddedPostgresChild.class.getName(), workDir.toString(), note)
            .redirectErrorStream(true)
            .redirectOutput(workDir.resolve("child.out").toFile())
            .start();
        children.add(child);
        return child;
    }

    /** The postmaster pid the child printed once its row was committed. */
    private long awaitReady(Process child) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + CHILD_READY_WAIT.toNanos();
        Path output = workDir.resolve("child.out");
        while (System.nanoTime() < deadline && child.isAlive()) {
            Optional<String> ready = Files.readAllLines(output, StandardCharsets.UTF_8)
                .stream()
                .filter(line -> line.startsWith("READY "))
                .findFirst();
            if (ready.isPresent()) {
                return Long.parseLong(ready.get().substring("READY ".length()).trim());
            }
            Thread.sleep(100);
        }
        throw new AssertionError("child JVM did not get ready:\n" + Files.readString(output));
    }

    private static void insertNote(EmbeddedPostgresServer server, String text) throws SQLException {
        try (Connection connection = connect(server); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS note (text varchar(100) PRIMARY KEY)");
            statement.execute("INSERT INTO note VALUES ('" + text + "')");
        }
    }

    private static List<String> notes(EmbeddedPostgresServer server) throws SQLException {
        List<String> notes = new ArrayList<>();
        try (Connection connection = connect(server);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT text FROM note ORDER BY text")) {
            while (rows.next()) {
                notes.add(rows.getString(1));
            }
        }
        return notes;
    }

    private static Connection connect(EmbeddedPostgresServer server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), server.username(), "");
    }

}
