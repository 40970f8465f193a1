package org.capebatch.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.capebatch.CapeBatchApplication;
import org.capebatch.generate.Es003Generator;
import org.capebatch.jobstore.EmbeddedPostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Remote partitioning end to end, with real processes: a PostgreSQL server in this JVM is
 * the job store and the only transport; manager and workers are child JVMs of the
 * application ({@code --spring.profiles.active=manager|worker}). The reference is the
 * same run in one process with local partitioning and its own embedded store. The
 * scenarios run side by side, each in its own database, so that they share the child
 * JVMs' start-up time:
 * <ul>
 * <li>{@code clean}: two workers, one manager; output byte-identical to the local run,
 * every partition run by a worker; the manager's progress lines advance with what the
 * workers commit;</li>
 * <li>{@code killed}: a worker is killed mid-partition; the manager fails naming the lost
 * partition; the same command, with the surviving worker and a fresh one, completes with
 * identical output and re-runs only that partition;</li>
 * <li>{@code timeout}: no worker at all, the manager times out; a worker started later
 * drops the stale request and the same command completes with identical output.</li>
 * </ul>
 * Group-by NONE keeps the run short (two declaration files instead of hundreds); it does
 * not touch partitioning.
 */
class RemotePartitioningTest {

    private static final Duration START_WAIT = Duration.ofSeconds(300);

    private static final Duration RUN_WAIT = Duration.ofSeconds(240);

    private static final String TIMEOUT = "120s";

    private static final String LISTENING = "is listening for partition requests";

    private static final Pattern TOMCAT_PORT = Pattern.compile("Tomcat started on port (\\d+)");

    private static final Pattern RUNNING_ASSESS = Pattern
        .compile("Running (assessPartitionStep:range\\d+) \\(step execution (\\d+)\\)");

    private static final Pattern ASSESS_PROGRESS = Pattern.compile("Progress - assess: (\\d+) / \\d+ entries");

    private static final Pattern IMPORT_PROGRESS = Pattern.compile("Progress - import: (\\d+) rows");

    /**
     * Kept after the test (not in the temporary directory) so that a failure can be
     * diagnosed.
     */
    private static final Path LOGS = Path.of("target", "remote-partitioning-test");

    @TempDir
    static Path dir;

    private static EmbeddedPostgresServer server;

    private static final List<Process> children = new ArrayList<>();

    private static Path input;

    @BeforeAll
    static void startServer() throws Exception {
        if (Files.isDirectory(LOGS)) {
            try (Stream<Path> old = Files.list(LOGS)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
        }
        server = EmbeddedPostgresServer.start(dir.resolve("pg"));
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE clean");
            s.execute("CREATE DATABASE killed");
            s.execute("CREATE DATABASE timeout");
        }
        input = dir.resolve("input").resolve("es003.csv");
        Files.createDirectories(input.getParent());
        Es003Generator.write(input, 20_000, 20261130L);
    }

    @AfterAll
    static void stopAll() throws Exception {
        children.forEach(Process::destroyForcibly);
        for (Process child : children) {
            child.waitFor(10, TimeUnit.SECONDS);
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void run_WhenPartitionsRunInWorkers_ThenOutputEqualsLocalRunAlsoAfterLostWorkerOrTimeout() throws Exception {
        long started = System.nanoTime();
        Child local = launch("local", List.of("--cape.work-dir=" + dir.resolve("local-store"),
                "--cape.output-dir=" + dir.resolve("local-out")), job());
        Child timedOut = manager("timeout", "timeout-manager-1", "5s");
        Child clean1 = worker("clean", "clean-worker-1");
        Child clean2 = worker("clean", "clean-worker-2");
        Child killed1 = worker("killed", "killed-worker-1");
        Child killed2 = worker("killed", "killed-worker-2");
        for (Child worker : List.of(clean1, clean2, killed1, killed2)) {
            worker.awaitLog(LISTENING, START_WAIT);
        }
        log("workers ready", started);
        Child cleanManager = manager("clean", "clean-manager", TIMEOUT);
        Child killedManager = manager("killed", "killed-manager-1", TIMEOUT);

        // killed: kill the worker of the first assess partition once that partition has
        // committed a chunk.
        Child victim = awaitFirst(RUNNING_ASSESS, RUN_WAIT, killed1, killed2);
        Matcher running = victim.find(RUNNING_ASSESS);
        String lostPartition = running.group(1);
        long lostExecution = Long.parseLong(running.group(2));
        JdbcTemplate killedDb = jdbc("killed");
        awaitTrue(() -> killedDb.queryForObject(
                "SELECT commit_count FROM batch_step_execution" + " WHERE step_execution_id = ?", Long.class,
                lostExecution) >= 1, RUN_WAIT);
        victim.process.destroyForcibly().waitFor();
        Child survivor = victim == killed1 ? killed2 : killed1;
        Child freshWorker = worker("killed", "killed-worker-3");
        log("killed " + victim.name + " running " + lostPartition, started);

        // timeout: no worker at all, so the first remote step (import) times out; its
        // request stays queued.
        assertThat(timedOut.exitCode()).as("manager without workers, see " + timedOut.out).isEqualTo(1);
        assertThat(timedOut.stderr()).contains("FAILED in importStep")
            .contains("1 of 1 partitions of importFileStep did not finish within PT5S");
        Child lateWorker = worker("timeout", "timeout-worker");
        Child timeoutRerun = manager("timeout", "timeout-manager-2", TIMEOUT);
        log("timed-out manager failed", started);

        // clean: every partition in a worker, output identical to one process.
        assertThat(local.exitCode()).as("local run, see " + local.out).isZero();
        assertThat(cleanManager.exitCode()).as("clean manager, see " + cleanManager.out).isZero();
        log("clean run done", started);
        assertThat(latestPartitionStatuses("clean", "assessPartitionStep"))
            .containsOnlyKeys("assessPartitionStep:range000", "assessPartitionStep:range001",
                    "assessPartitionStep:range002", "assessPartitionStep:range003")
            .allSatisfy((name, status) -> assertThat(status).isEqualTo("COMPLETED"));
        List<String> byWorker1 = clean1.all(RUNNING_ASSESS, 1);
        List<String> byWorker2 = clean2.all(RUNNING_ASSESS, 1);
        assertThat(byWorker1).as("assess partitions run by worker 1").isNotEmpty();
        assertThat(byWorker2).as("assess partitions run by worker 2").isNotEmpty();
        assertThat(Stream.concat(byWorker1.stream(), byWorker2.stream()).sorted().toList()).containsExactly(
                "assessPartitionStep:range000", "assessPartitionStep:range001", "assessPartitionStep:range002",
                "assessPartitionStep:range003");
        assertThat(clean1.log() + clean2.log()).contains("Running importFileStep:file00000");
        assertThat(cleanManager.log()).doesNotContain("Running assessPartitionStep", "Running importFileStep",
                "Executing step: [assessPartitionStep", "Executing step: [importFileStep");
        assertSameFiles(dir.resolve("clean-out"), dir.resolve("local-out"));
        // Progress comes from the job repository, so the manager reports what its workers
        // commit.
        assertThat(progress(cleanManager.log(), ASSESS_PROGRESS)).as("assess progress lines of the manager")
            .hasSizeGreaterThanOrEqualTo(2)
            .isSorted()
            .doesNotHaveDuplicates()
            .allSatisfy(done -> assertThat(done).isBetween(1L, 20_000L));
        assertThat(progress(cleanManager.log(), IMPORT_PROGRESS)).as("import progress lines of the manager")
            .isNotEmpty()
            .allSatisfy(done -> assertThat(done).isPositive());
        assertServesActuator(clean1);
        assertThat(cleanManager.log()).as("manager and local runs start no web server nor Spring Integration")
            .doesNotContain("Tomcat started");
        assertThat(local.log()).doesNotContain("Tomcat started", "errorChannel", "EventDrivenConsumer");

        // killed: the manager fails fast naming the lost partition; the same command
        // re-runs only that one.
        assertThat(killedManager.exitCode()).as("manager with a killed worker, see " + killedManager.out).isEqualTo(1);
        assertThat(killedManager.stderr()).contains("FAILED in assessStep", lostPartition + " was lost");
        assertThat(latestPartitionStatuses("killed", "assessPartitionStep")).containsEntry(lostPartition, "FAILED");
        log("killed manager failed", started);
        freshWorker.awaitLog(LISTENING, START_WAIT);
        Child killedRerun = manager("killed", "killed-manager-2", TIMEOUT);
        assertThat(killedRerun.exitCode()).as("re-run, see " + killedRerun.out).isZero();
        log("re-run after lost worker done", started);
        assertSameFiles(dir.resolve("killed-out"), dir.resolve("local-out"));
        // Remote steps only: the render step (local to the manager) runs its partitions
        // on the re-run too.
        assertThat(partitionsOfLastExecution(killedDb)).filteredOn(p -> !p.startsWith("renderPartitionStep"))
            .as("the re-run runs only the lost partition")
            .containsExactly(lostPartition);
        assertThat(survivor.log() + freshWorker.log()).contains("Running " + lostPartition);

        // timeout: the late worker drops the stale request and runs the re-run's.
        assertThat(timeoutRerun.exitCode()).as("re-run after timeout, see " + timeoutRerun.out).isZero();
        log("re-run after timeout done", started);
        assertThat(lateWorker.log()).contains("Dropped stale request for importFileStep:file00000")
            .contains("Running importFileStep:file00000");
        assertSameFiles(dir.resolve("timeout-out"), dir.resolve("local-out"));
    }

    private static List<Long> progress(String log, Pattern line) {
        List<Long> done = new ArrayList<>();
        Matcher matcher = line.matcher(log);
        while (matcher.find()) {
            done.add(Long.parseLong(matcher.group(1)));
        }
        return done;
    }

    private static List<String> partitionsOfLastExecution(JdbcTemplate db) {
        return db.queryForList(
                "SELECT step_name FROM batch_step_execution WHERE job_execution_id ="
                        + " (SELECT max(job_execution_id) FROM batch_job_execution) AND step_name LIKE '%:%'",
                String.class);
    }

    private static List<String> job() {
        return List.of("input=" + input, "runDate=2026-11-30");
    }

    /**
     * Every process gets the same cape.* settings: workers assess (group keys) and import
     * with them.
     */
    private static List<String> settings() {
        return List.of("--cape.job.grid-size=4", "--cape.job.assess-chunk-size=100",
                "--cape.declaration.group-by=NONE");
    }

    private static Child worker(String database, String name) throws IOException {
        return launch(name, remote(database, "worker", TIMEOUT), List.of());
    }

    private static Child manager(String database, String name, String timeout) throws IOException {
        List<String> args = new ArrayList<>(remote(database, "manager", timeout));
        args.add("--cape.output-dir=" + dir.resolve(database + "-out"));
        args.add("--cape.job.progress-interval=100ms");
        return launch(name, args, job());
    }

    private static List<String> remote(String database, String profile, String timeout) {
        return List.of("--spring.profiles.active=" + profile, "--spring.datasource.url=" + url(database),
                "--spring.datasource.username=" + server.username(), "--cape.remote.poll-interval=300ms",
                "--cape.remote.worker-poll-interval=200ms", "--cape.remote.timeout=" + timeout,
                // Up to nine processes share the server's 50 connections (Hikari's
                // default is 10 each); a worker
                // needs three at most: partition lock, reader cursor, chunk transaction.
                // A manager renders with
                // grid-size (4) local partitions while its runner holds the instance
                // lock: 4 + 1 and the repository.
                "--spring.datasource.hikari.maximum-pool-size=" + (profile.equals("manager") ? 7 : 4),
                "--spring.datasource.hikari.minimum-idle=1",
                // Workers serve the actuator; any free port, as several run on this
                // machine at once.
                "--server.port=0");
    }

    /** Issue 11 item 6: the probes and the scrape endpoint of a running worker. */
    private static void assertServesActuator(Child worker) throws Exception {
        Matcher started = worker.find(TOMCAT_PORT);
        assertThat(started).as("worker logs its port, see " + worker.out).isNotNull();
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        for (String path : List.of("/actuator/health/liveness", "/actuator/health/readiness", "/actuator/prometheus")) {
            java.net.http.HttpResponse<String> response = http.send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create("http://127.0.0.1:" + started.group(1) + path))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path)
                .contains(path.endsWith("prometheus") ? "spring_batch_step_seconds" : "\"status\":\"UP\"");
        }
    }

    private static String url(String database) {
        return server.jdbcUrl().substring(0, server.jdbcUrl().lastIndexOf('/') + 1) + database;
    }

    private static JdbcTemplate jdbc(String database) {
        return new JdbcTemplate(new DriverManagerDataSource(url(database), server.username(), ""));
    }

    private static Map<String, String> latestPartitionStatuses(String database, String workerStep) {
        Map<String, String> statuses = new TreeMap<>();
        // The latest execution of each partition.
        jdbc(database).query("SELECT step_name, status FROM batch_step_execution WHERE step_name LIKE ?"
                + " ORDER BY step_execution_id", rs -> {
                    statuses.put(rs.getString(1), rs.getString(2));
                }, workerStep + ":%");
        return statuses;
    }

    private static Child launch(String name, List<String> options, List<String> jobArgs) throws IOException {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                        System.getProperty("java.class.path"), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                        CapeBatchApplication.class.getName()));
        command.addAll(jobArgs);
        command.addAll(settings());
        command.addAll(options);
        Path out = LOGS.resolve(name + ".out");
        Path err = LOGS.resolve(name + ".err");
        Files.createDirectories(out.getParent());
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        children.add(process);
        return new Child(name, process, out, err);
    }

    private static Child awaitFirst(Pattern pattern, Duration wait, Child... candidates) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            for (Child candidate : candidates) {
                if (candidate.find(pattern) != null) {
                    return candidate;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no child logged " + pattern + " within " + wait);
    }

    private static void awaitTrue(BooleanSupplier condition, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + wait);
            }
            Thread.sleep(50);
        }
    }

    private static void assertSameFiles(Path actual, Path expected) throws IOException {
        Map<String, byte[]> actualFiles = files(actual);
        Map<String, byte[]> expectedFiles = files(expected);
        assertThat(actualFiles.keySet()).containsExactlyElementsOf(expectedFiles.keySet())
            .contains("manifest.json", "assessments.csv", "rejected-rows.csv", "summary.xlsx");
        expectedFiles.forEach((path, bytes) -> assertThat(actualFiles.get(path)).as(path).isEqualTo(bytes));
    }

    private static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(path).toString(), Files.readAllBytes(path));
            }
        }
        return files;
    }

    private static void log(String what, long started) {
        System.out.printf("RemotePartitioningTest: %s after %d s%n", what,
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
    }

    private record Child(String name, Process process, Path out, Path err) {

        String log() {
            try {
                return Files.readString(out, StandardCharsets.UTF_8);
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String stderr() {
            try {
                return Files.readString(err, StandardCharsets.UTF_8);
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Matcher find(Pattern pattern) {
            Matcher matcher = pattern.matcher(log());
            return matcher.find() ? matcher : null;
        }

        List<String> all(Pattern pattern, int group) {
            List<String> found = new ArrayList<>();
            Matcher matcher = pattern.matcher(log());
            while (matcher.find()) {
                found.add(matcher.group(group));
            }
            return found;
        }

        void awaitLog(String text, Duration wait) throws InterruptedException {
            awaitTrue(() -> {
                if (!process.isAlive() && !log().contains(text)) {
                    throw new AssertionError(name + " ended (exit " + process.exitValue() + ") before logging '" + text
                            + "'; see " + out);
                }
                return log().contains(text);
            }, wait);
        }

        int exitCode() throws InterruptedException {
            if (!process.waitFor(RUN_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError(name + " still running after " + RUN_WAIT + "; see " + out);
            }
            return process.exitValue();
        }
    }

}
