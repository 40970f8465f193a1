package org.capebatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.capebatch.CapeBatchApplication;
import org.capebatch.generate.Es003Generator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line of SPEC §1 in real child JVMs, each with its own embedded job store: a
 * run killed with SIGKILL in the middle of the assess step is restarted by the same
 * command and ends with the same files as a run that was never interrupted; a completed
 * run is refused; a file missing a required column fails with exit code 1.
 */
class CapeJobProcessTest {

    private static final String RUN_DATE = "2026-11-30";

    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(3);

    @TempDir
    Path tempDir;

    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        children.stream().filter(Process::isAlive).forEach(Process::destroyForcibly);
    }

    @Test
    void run_WhenKilledDuringAssessAndRunAgain_ThenCompletesWithOutputOfUninterruptedRun() throws Exception {
        // given
        Path input = tempDir.resolve("es003.csv");
        Es003Generator.write(input, 20_000, 42);
        Path interrupted = tempDir.resolve("interrupted");
        Path straight = tempDir.resolve("straight");

        // when: killed once the assess step has committed something
        Process killed = start(input, interrupted, "killed");
        awaitOutput(killed, interrupted.resolve("killed.out"), " - assess: ");
        assertThat(killed.isAlive()).as("still running when killed").isTrue();
        killed.destroyForcibly();
        assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(killed.exitValue()).isEqualTo(137);
        assertThat(interrupted.resolve("out").resolve(RunOutput.MANIFEST)).doesNotExist();

        // then: the same command restarts it to completion
        Result restarted = runToEnd(input, interrupted, "restarted");
        assertThat(restarted.exitCode()).as(restarted.output()).isZero();
        assertThat(restarted.output()).contains("was left STARTED by a process that died; recovering it")
            .containsPattern("Step already complete or not restartable, so no action to execute: .*importStep");

        Result reference = runToEnd(input, straight, "straight");
        assertThat(reference.exitCode()).as(reference.output()).isZero();
        RunOutput out = new RunOutput(interrupted.resolve("out"));
        RunOutput expected = new RunOutput(straight.resolve("out"));
        assertThat(out.allFiles()).isEqualTo(expected.allFiles());
        assertThat(out.comparableHashes()).isEqualTo(expected.comparableHashes());
        RunChecks.assertDeclarations(out, RUN_DATE, out.assessments());
        assertThat(out.assessments()).hasSize(20_000);

        // and: a third run of the completed instance is refused
        Result again = runToEnd(input, interrupted, "again");
        assertThat(again.exitCode()).as(again.output()).isEqualTo(3);
        assertThat(again.stderr()).contains("already COMPLETED");
    }

    @Test
    void run_WhenFileLacksRequiredColumn_ThenExitCode1AndStderrNamesFileAndColumn() throws Exception {
        // given
        Path input = JobTestSupport.fixture("missing-entry-date.csv");

        // when
        Result result = runToEnd(input, tempDir.resolve("missing"), "missing");

        // then
        assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
        assertThat(result.stderr().lines().filter(l -> l.startsWith("cape-batch:")).toList()).singleElement()
            .satisfies(line -> assertThat(line).contains("missing-entry-date.csv").contains("Entry Date"));
    }

    private Process start(Path input, Path workDir, String name) throws IOException {
        Files.createDirectories(workDir);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                CapeBatchApplication.class.getName(), "input=" + input, "runDate=" + RUN_DATE,
                "--cape.output-dir=" + workDir.resolve("out"), "--cape.work-dir=" + workDir.resolve(".cape"),
                // Declarations by filer code (a few files, not one per importer) keep the
                // run short.
                "--cape.declaration.group-by=FILER_CODE", "--cape.job.grid-size=2",
                "--cape.job.progress-interval=200ms")
            .redirectOutput(workDir.resolve(name + ".out").toFile())
            .redirectError(workDir.resolve(name + ".err").toFile())
            .start();
        children.add(child);
        return child;
    }

    private Result runToEnd(Path input, Path workDir, String name) throws Exception {
        Process child = start(input, workDir, name);
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
