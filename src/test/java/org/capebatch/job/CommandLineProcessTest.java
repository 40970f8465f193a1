package org.capebatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.capebatch.CapeBatchApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 items 7 and 1 in real child JVMs, as an operator meets them: a mistake on the
 * command line ends with exit 2 and one line on stderr before Spring is even loaded (so
 * in well under a second, whatever the machine's load) and leaves the working directory
 * empty (no {@code .cape/}, no output directory); a misspelt property in a configuration
 * file is refused before the job store starts.
 */
class CommandLineProcessTest {

    private static final Path SAMPLE = Path.of("sample", "es003-sample.csv").toAbsolutePath();

    @TempDir
    Path workingDirectory;

    record Result(int exitCode, String stdout, String stderr) {
    }

    @Test
    void run_WhenPropertyMisspelt_ThenExit2BeforeSpringLoadsAndNothingWritten() throws Exception {
        Result result = java("-verbose:class", "input=" + SAMPLE, "runDate=2026-11-30", "--cape.output-dirr=out3");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr().lines()).containsExactly("cape-batch: unknown property cape.output-dirr (command"
                + " line); did you mean cape.output-dir?; valid cape.* properties: " + validNames()
                + ". Fix the command");
        assertThat(result.stdout()).as("classes loaded")
            .contains("org.capebatch.job.CommandLine")
            .doesNotContain("org.springframework.context", "org.springframework.boot.SpringApplication");
        assertThat(listing()).isEmpty();
    }

    @Test
    void generate_WhenEntriesNotANumber_ThenOneLineAndExit2() throws Exception {
        Result result = java("generate", "--entries=abc");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr().lines()).containsExactly("cape-batch: generate: option --entries has the invalid"
                + " value 'abc'; valid values: a whole number from 0 to 2147483647. Fix the command");
        assertThat(listing()).isEmpty();
    }

    @Test
    void help_PrintsUsageAndExits0WithoutSpring() throws Exception {
        Result result = java("-verbose:class", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout())
            .contains("Commands (java -jar cape-batch.jar ...)", "--cape.output-dir=", "Exit codes:")
            .doesNotContain("org.springframework.context");
        assertThat(result.stderr()).isEmpty();
        assertThat(listing()).isEmpty();
    }

    @Test
    void run_WhenConfigurationFileHasUnknownProperty_ThenExit2NamingFileBeforeJobStoreStarts() throws Exception {
        Path config = Files.createDirectories(workingDirectory.resolve("config"));
        Files.writeString(config.resolve("application.yml"), """
                cape:
                  declaration:
                    group-by: IMPORTER
                    max-entires: 500
                """);

        Result result = java("input=" + SAMPLE, "runDate=2026-11-30", "--cape.output-dir=out",
                "--spring.config.additional-location=file:" + config + "/");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr().lines()).hasSize(1)
            .first()
            .asString()
            .startsWith("cape-batch: unknown property cape.declaration.max-entires (")
            .contains("application.yml", "did you mean cape.declaration.max-entries?")
            .endsWith("Fix the command");
        assertThat(listing()).containsExactly("config", "config/application.yml");
    }

    private static String validNames() {
        return String.join(", ", KnownProperties.get().all().stream().map(KnownProperties.Property::name).toList());
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> files = Files.walk(workingDirectory)) {
            return files.filter(p -> !p.equals(workingDirectory))
                .map(p -> workingDirectory.relativize(p).toString())
                .sorted()
                .toList();
        }
    }

    private Result java(String... args) throws Exception {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                        System.getProperty("java.class.path")));
        List<String> rest = new ArrayList<>(List.of(args));
        if (!rest.isEmpty() && rest.get(0).startsWith("-verbose")) {
            command.add(rest.remove(0));
        }
        command.add(CapeBatchApplication.class.getName());
        command.addAll(rest);
        Path out = Files.createTempFile("cape-cli", ".out");
        Path err = Files.createTempFile("cape-cli", ".err");
        try {
            Process process = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("cape-batch " + String.join(" ", args) + " did not end");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        }
        finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

}
