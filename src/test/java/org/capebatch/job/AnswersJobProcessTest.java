package org.capebatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.capebatch.CapeBatchApplication;
import org.capebatch.entry.EntryNumber;
import org.capebatch.generate.Es003Generator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The answers import of SPEC §6.1 in real child JVMs: killed with SIGKILL while it
 * applies a large Claim Details file, the same command completes it, with the same ledger
 * and outputs as an import never interrupted; the same files again are refused with exit
 * 3 and change nothing.
 */
class AnswersJobProcessTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    @TempDir
    Path tempDir;

    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        children.stream().filter(Process::isAlive).forEach(Process::destroyForcibly);
    }

    @Test
    void results_WhenKilledWhileApplyingAndRunAgain_ThenSameLedgerAndOutputAsUninterrupted() throws Exception {
        // given: two job stores with the same declarations, and Claim Details for every
        // declared entry plus
        // 100,000 rows of entries the ledger does not hold, so that applying them takes a
        // few seconds
        Path input = tempDir.resolve("es003.csv");
        Es003Generator.write(input, 5_000, 7);
        Path interrupted = tempDir.resolve("interrupted");
        Path straight = tempDir.resolve("straight");
        for (Path store : List.of(interrupted, straight)) {
            Result declared = runToEnd(store, "declare", "input=" + input, "runDate=2026-11-30");
            assertThat(declared.exitCode()).as(declared.output()).isZero();
        }
        Path results = Files.createDirectories(tempDir.resolve("results"));
        writeClaims(results.resolve("claims.csv"), new RunOutput(straight.resolve("out-declare")));

        // when: killed once the apply step started
        Process killed = start(interrupted, "killed", "results=" + results);
        awaitOutput(killed, interrupted.resolve("killed.out"), "Executing step: [answersApplyStep]");
        killed.destroyForcibly();
        assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();

        // then: the same command completes it, with the outputs of an import that was
        // never killed
        Result restarted = runToEnd(interrupted, "restarted", "results=" + results);
        assertThat(restarted.exitCode()).as(restarted.output()).isZero();
        Result reference = runToEnd(straight, "restarted", "results=" + results);
        assertThat(reference.exitCode()).as(reference.output()).isZero();
        Map<String, String> out = hashes(interrupted.resolve("out-restarted"));
        assertThat(out).containsKeys("answers.csv", "entry-status.csv", "status.xlsx", "manifest.json")
            .isEqualTo(hashes(straight.resolve("out-restarted")));
        assertThat((long) RunOutput.csv(interrupted.resolve("out-restarted").resolve("answers.csv")).size())
            .isEqualTo(100_000 + declaredCount(straight));

        // and: the same files again are refused, and change nothing
        Result again = runToEnd(interrupted, "again", "results=" + results);
        assertThat(again.exitCode()).as(again.output()).isEqualTo(3);
        assertThat(again.stderr().lines().toList()).singleElement()
            .satisfies(
                    line -> assertThat(line).startsWith("cape-batch: import results=").contains("already COMPLETED"));
        assertThat(interrupted.resolve("out-again")).doesNotExist();
    }

    private static long declaredCount(Path store) throws IOException {
        return new RunOutput(store.resolve("out-declare")).declarationCsvs()
            .values()
            .stream()
            .mapToLong(lines -> lines.size() - 1)
            .sum();
    }

    /**
     * Every declared entry: a third accepted, a third held, a third released; then
     * 100,000 unknown entries.
     */
    private static void writeClaims(Path file, RunOutput declared) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("ENTRY_NUMBER,CLAIM_NUMBER,STATUS,ERROR_DESCRIPTION\r\n");
            int i = 0;
            for (List<String> lines : declared.declarationCsvs().values()) {
                for (String entry : lines.subList(1, lines.size())) {
                    String answer = switch (i++ % 3) {
                        case 0 -> "Entry Summary Updated,";
                        case 1 -> "Failed,INVALID HTS";
                        default -> "Failed,UNABLE TO CALCULATE DUTY";
                    };
                    out.write("=\"" + entry + "\",=\"100000241223\"," + answer + "\r\n");
                }
            }
            for (int n = 0; n < 100_000; n++) {
                String ten = String.format("ZZZ%07d", n);
                out.write(ten + EntryNumber.checkDigit(ten) + ",100000241224,Entry Summary Updated,\r\n");
            }
        }
    }

    private static Map<String, String> hashes(Path dir) throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                hashes.put(f.getFileName().toString(), RunOutput.sha256(f));
            }
        }
        return hashes;
    }

    private Process start(Path store, String name, String... args) throws IOException {
        Files.createDirectories(store);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx512m", "-cp",
                System.getProperty("java.class.path"), CapeBatchApplication.class.getName()));
        command.addAll(List.of(args));
        command.addAll(List.of("--cape.output-dir=" + store.resolve("out-" + name),
                "--cape.work-dir=" + store.resolve(".cape"), "--cape.declaration.group-by=FILER_CODE",
                "--cape.job.grid-size=2"));
        Process child = new ProcessBuilder(command).redirectOutput(store.resolve(name + ".out").toFile())
            .redirectError(store.resolve(name + ".err").toFile())
            .start();
        children.add(child);
        return child;
    }

    private Result runToEnd(Path store, String name, String... args) throws Exception {
        Process child = start(store, name, args);
        assertThat(child.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("%s ends", name).isTrue();
        return new Result(child.exitValue(), read(store.resolve(name + ".out")), read(store.resolve(name + ".err")));
    }

    private static void awaitOutput(Process child, Path output, String text) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && child.isAlive()) {
            if (read(output).contains(text)) {
                return;
            }
            Thread.sleep(10);
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
