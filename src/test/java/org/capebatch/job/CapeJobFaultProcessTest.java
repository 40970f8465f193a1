package org.capebatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.capebatch.CapeBatchApplication;
import org.capebatch.generate.Es003Generator;
import org.capebatch.jobstore.EmbeddedPostgresServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults from outside, on real child JVMs each with its own embedded job store (issue 7
 * item 4, issue 11 item 5): the job store's backend processes killed with SIGKILL in the
 * middle of the assess step (PostgreSQL then resets every connection, as after an OOM
 * kill), and SIGTERM sent to the job. Each ends with one stderr line and a known exit
 * code, and the same command then completes with the files of a run that was never
 * interrupted.
 */
class CapeJobFaultProcessTest {

    private static final String RUN_DATE = "2026-11-30";

    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(4);

    @TempDir
    static Path shared;

    private static Path input;

    private static RunOutput reference;

    @TempDir
    Path tempDir;

    private final List<Process> children = new ArrayList<>();

    @BeforeAll
    static void generateInput() throws Exception {
        input = shared.resolve("es003.csv");
        Es003Generator.write(input, 8_000, 42);
    }

    @AfterEach
    void killLeftovers() {
        children.stream().filter(Process::isAlive).forEach(Process::destroyForcibly);
    }

    @Test
    void run_WhenJobStoreBackendsKilledDuringAssess_ThenOneLineAndSameCommandCompletesWithSameOutput()
            throws Exception {
        // given
        Path work = tempDir.resolve("killed-backend");
        Process run = start(work, "first");
        awaitOutput(run, work.resolve("first.out"), " - assess: ");

        // when: every client backend of the job store is killed like the OOM killer would
        int killed = killClientBackends(work.resolve(".cape"));
        assertThat(killed).isPositive();
        assertThat(run.waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        // then: it fails in seconds with one line naming the step and the cause
        String stderr = read(work.resolve("first.err"));
        assertThat(run.exitValue()).as(read(work.resolve("first.out")) + stderr).isEqualTo(1);
        assertThat(stderr.lines()).singleElement()
            .satisfies(line -> assertThat(line).startsWith("cape-batch: run input=")
                .contains(" in assessStep: ")
                .contains("lost the connection to the job store database")
                .contains("run the same command again")
                .doesNotContain("could not start")
                .hasSizeLessThanOrEqualTo(CapeJobRunner.MAX_LINE));

        // and: the same command completes (the execution left UNKNOWN is recovered) with
        // the same files
        Result again = runToEnd(work, "again");
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertSameOutput(work);
    }

    @Test
    void run_WhenSigtermDuringAssess_ThenStoppedWithExit5AndSameCommandResumes() throws Exception {
        // given
        Path work = tempDir.resolve("sigterm");
        Process run = start(work, "first");
        awaitOutput(run, work.resolve("first.out"), " - assess: ");

        // when
        run.destroy(); // SIGTERM
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).as("stops within a minute").isTrue();

        // then
        String stderr = read(work.resolve("first.err"));
        assertThat(run.exitValue()).as(read(work.resolve("first.out")) + stderr).isEqualTo(5);
        assertThat(stderr.lines()).singleElement()
            .satisfies(line -> assertThat(line).startsWith("cape-batch: run input=")
                .contains("STOPPED in assessStep")
                .contains("Run the same command again to resume it"));
        assertThat(read(work.resolve("first.out"))).contains("ended STOPPED");

        // and
        Result again = runToEnd(work, "again");
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.stdout())
            .containsPattern("Step already complete or not restartable, so no action to" + " execute: .*importStep");
        assertSameOutput(work);
    }

    private void assertSameOutput(Path work) throws Exception {
        if (reference == null) {
            Path straight = shared.resolve("straight");
            Result result = runToEnd(straight, "straight");
            assertThat(result.exitCode()).as(result.output()).isZero();
            reference = new RunOutput(straight.resolve("out"));
        }
        RunOutput out = new RunOutput(work.resolve("out"));
        assertThat(out.allFiles()).isEqualTo(reference.allFiles());
        assertThat(out.comparableHashes()).isEqualTo(reference.comparableHashes());
        assertThat(out.assessments()).hasSize(8_000);
    }

    /**
     * SIGKILL to each client backend of the child's embedded server, found in its
     * pg_stat_activity.
     */
    private static int killClientBackends(Path workDir) throws Exception {
        Properties server = new Properties();
        try (Reader reader = Files.newBufferedReader(workDir.resolve("embedded-postgres.properties"))) {
            server.load(reader);
        }
        List<Long> pids = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + server.getProperty("port") + "/" + EmbeddedPostgresServer.DATABASE,
                EmbeddedPostgresServer.USERNAME, "");
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT pid FROM pg_stat_activity"
                        + " WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()")) {
            while (rs.next()) {
                pids.add(rs.getLong(1));
            }
        }
        int killed = 0;
        for (long pid : pids) {
            if (ProcessHandle.of(pid).map(ProcessHandle::destroyForcibly).orElse(false)) {
                killed++;
            }
        }
        return killed;
    }

    private Process start(Path workDir, String name) throws IOException {
        Files.createDirectories(workDir);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                CapeBatchApplication.class.getName(), "input=" + input, "runDate=" + RUN_DATE,
                "--cape.output-dir=" + workDir.resolve("out"), "--cape.work-dir=" + workDir.resolve(".cape"),
                "--cape.declaration.group-by=FILER_CODE", "--cape.job.grid-size=2",
                "--cape.job.progress-interval=200ms")
            .redirectOutput(workDir.resolve(name + ".out").toFile())
            .redirectError(workDir.resolve(name + ".err").toFile())
            .start();
        children.add(child);
        return child;
    }

    private Result runToEnd(Path workDir, String name) throws Exception {
        Process child = start(workDir, name);
        assertThat(child.waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("%s ends", name).isTrue();
        return new Result(child.exitValue(), read(workDir.resolve(name + ".out")),
                read(workDir.resolve(name + ".err")));
    }

    private static void awaitOutput(Process child, Path output, String text) throws Exception {
        long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && child.isAlive()) {
            if (read(output).contains(text)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("child never logged '" + text + "':\n" + read(output));
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    private record Result(int exitCode, String stdout, String stderr) {
        String output() {
            return stdout + "\n--- stderr ---\n" + stderr;
        }
    }

}
