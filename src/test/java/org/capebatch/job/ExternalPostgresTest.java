package org.capebatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.capebatch.CapeBatchApplication;
import org.capebatch.generate.Es003Generator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The job against a separately started PostgreSQL server (issue "Broker scale":
 * everything of the job issue holds against an external store). Runs when
 * {@code CAPE_TEST_POSTGRES_URL} (plus {@code _USER}, {@code _PASSWORD}) names a database
 * this test may wipe; {@code .ci/run} starts the machine's PostgreSQL 15 and sets them.
 * Every run is a real child JVM with the command line of SPEC §1; outputs are compared
 * with the embedded store's.
 */
@EnabledIfEnvironmentVariable(named = "CAPE_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.+")
class ExternalPostgresTest {

    private static final String RUN_DATE = "2026-11-30";

    private static final String URL = System.getenv("CAPE_TEST_POSTGRES_URL");

    private static final String USER = System.getenv().getOrDefault("CAPE_TEST_POSTGRES_USER", "postgres");

    private static final String PASSWORD = System.getenv().getOrDefault("CAPE_TEST_POSTGRES_PASSWORD", "");

    @TempDir
    Path dir;

    private JdbcTemplate db;

    private final List<Process> children = new ArrayList<>();

    @BeforeEach
    void emptyDatabase() {
        db = new JdbcTemplate(new DriverManagerDataSource(URL, USER, PASSWORD));
        db.execute("DROP SCHEMA public CASCADE");
        db.execute("CREATE SCHEMA public");
    }

    @AfterEach
    void killLeftovers() {
        children.stream().filter(Process::isAlive).forEach(Process::destroyForcibly);
    }

    @Test
    void run_WhenExternalStore_ThenSameOutputAsEmbeddedAndLedgerKept() throws Exception {
        Path input = Path.of("sample", "es003-sample.csv").toAbsolutePath();

        Result external = run("external", input, RUN_DATE, true);
        Result embedded = run("embedded", input, RUN_DATE, false);

        assertThat(external.code()).as(external.output()).isZero();
        assertThat(embedded.code()).as(embedded.output()).isZero();
        assertThat(external.output()).doesNotContain("Embedded PostgreSQL");
        assertSameOutput("external", "embedded");
        long declared = db.queryForObject("SELECT count(*) FROM cape_ledger", Long.class);
        assertThat(declared).isEqualTo(new RunOutput(dir.resolve("external-out")).assessments()
            .values()
            .stream()
            .filter(a -> a.get("status").equals("ELIGIBLE"))
            .count());

        // the same command again is refused; a later run date finds every entry already
        // declared
        assertThat(run("external", input, RUN_DATE, true).code()).isEqualTo(3);
        Result nextDay = run("next-day", input, "2026-12-01", true);
        assertThat(nextDay.code()).as(nextDay.output()).isZero();
        // (an entry may fail an earlier check a day later too, e.g. its liquidation
        // window: reasons lists both)
        assertThat(new RunOutput(dir.resolve("next-day-out")).assessments().values())
            .noneMatch(a -> a.get("status").equals("ELIGIBLE"))
            .filteredOn(a -> a.get("reasons").contains("ALREADY_DECLARED"))
            .hasSize((int) declared);
    }

    @Test
    void run_WhenExternalStoreFailsMidAssess_ThenSameCommandRestartsToIdenticalOutput() throws Exception {
        Path input = dir.resolve("es003.csv");
        Es003Generator.write(input, 5_000, 7);
        assertThat(run("schema", input, RUN_DATE, true, "--cape.job.run-on-startup=false").code()).isZero();
        db.execute("""
                CREATE FUNCTION cape_test_failure() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.entry_number > (SELECT percentile_disc(0.7) WITHIN GROUP (ORDER BY entry_number)
                                             FROM cape_staged_fragment) THEN
                        RAISE EXCEPTION 'test: disk full' USING ERRCODE = '53100';
                    END IF;
                    RETURN NEW;
                END $$""");
        db.execute("CREATE TRIGGER cape_test_failure BEFORE INSERT ON cape_assessment"
                + " FOR EACH ROW EXECUTE FUNCTION cape_test_failure()");

        Result failed = run("external", input, RUN_DATE, true);
        assertThat(failed.code()).as(failed.output()).isEqualTo(1);
        assertThat(failed.stderr().lines().toList()).singleElement()
            .satisfies(line -> assertThat(line).startsWith("cape-batch: ")
                .contains("FAILED in assessStep")
                .contains("run the same command again"));
        assertThat(db.queryForObject("SELECT count(*) FROM cape_assessment", Long.class)).isPositive();

        db.execute("DROP TRIGGER cape_test_failure ON cape_assessment");
        Result restarted = run("external", input, RUN_DATE, true);
        Result embedded = run("embedded", input, RUN_DATE, false);
        assertThat(restarted.code()).as(restarted.output()).isZero();
        assertThat(embedded.code()).as(embedded.output()).isZero();
        assertSameOutput("external", "embedded");
        assertThat(db.queryForObject("SELECT count(*) FROM cape_assessment", Long.class)).isEqualTo(5_000);
    }

    @Test
    void run_WhenDatabaseUnreachable_ThenExitCode1WithOneLine() throws Exception {
        Result down = run("down", Path.of("sample", "es003-sample.csv").toAbsolutePath(), RUN_DATE, false,
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/cape",
                "--spring.datasource.hikari.connection-timeout=2000");
        assertThat(down.code()).as(down.output()).isEqualTo(1);
        assertThat(down.stderr().lines().toList()).singleElement()
            .satisfies(line -> assertThat(line).startsWith("cape-batch: could not start"));
    }

    private void assertSameOutput(String actual, String expected) throws IOException {
        RunOutput out = new RunOutput(dir.resolve(actual + "-out"));
        RunOutput reference = new RunOutput(dir.resolve(expected + "-out"));
        assertThat(out.allFiles()).isEqualTo(reference.allFiles());
        assertThat(out.comparableHashes()).isEqualTo(reference.comparableHashes());
    }

    private Result run(String name, Path input, String runDate, boolean external, String... extra) throws Exception {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-cp",
                        System.getProperty("java.class.path"), CapeBatchApplication.class.getName(), "input=" + input,
                        "runDate=" + runDate, "--cape.output-dir=" + dir.resolve(name + "-out"),
                        "--cape.work-dir=" + dir.resolve(name + "-store"), "--cape.declaration.group-by=FILER_CODE",
                        "--cape.job.grid-size=2"));
        if (external) {
            command.addAll(List.of("--spring.datasource.url=" + URL, "--spring.datasource.username=" + USER,
                    "--spring.datasource.password=" + PASSWORD));
        }
        command.addAll(List.of(extra));
        Path out = dir.resolve(name + "-" + System.nanoTime() + ".out");
        Path err = dir.resolve(name + "-" + System.nanoTime() + ".err");
        Process child = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        children.add(child);
        assertThat(child.waitFor(3, TimeUnit.MINUTES)).as(name + " ends").isTrue();
        return new Result(child.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private record Result(int code, String stdout, String stderr) {
        String output() {
            return stdout + "\n--- stderr ---\n" + stderr;
        }
    }

}
