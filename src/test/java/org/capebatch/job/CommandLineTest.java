package org.capebatch.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 11 item 7 (and the command-line half of item 1): every mistake is found before
 * Spring starts and named with its property or parameter, the bad value and what is
 * valid, ending in "Fix the command"; never a Java class name, never "run the same
 * command again".
 */
class CommandLineTest {

    private static final String SAMPLE = Path.of("sample", "es003-sample.csv").toString();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', quoteCharacter = '"', value = {
            // typo of a property: names it, the closest valid name, and lists the valid
            // ones
            "--cape.output-dirr=out3 # cape.output-dirr # did you mean cape.output-dir?",
            "--cape.output-dirr=out3 # cape.output-dirr # cape.declaration.group-by",
            // a bad enum value: the property, the value and the valid values
            "--cape.declaration.group-by=FOO # cape.declaration.group-by # 'FOO'",
            "--cape.declaration.group-by=FOO # cape.declaration.group-by # IMPORTER | FILER_CODE | NONE",
            "--cape.refund.default-importer-type=PERSON # 'PERSON' # CORPORATE | NON_CORPORATE",
            // a number out of the setter's range, and not a number at all
            "--cape.declaration.max-entries=10000 # cape.declaration.max-entries # must be 1..9999",
            "--cape.job.grid-size=many # cape.job.grid-size # 'many'",
            "--cape.job.grid-size=many # a whole number # a whole number",
            "--cape.job.progress-interval=soon # cape.job.progress-interval # a duration",
            "--cape.job.run-on-startup=yes # cape.job.run-on-startup # true | false" })
    void parse_WhenPropertyIsWrong_ThenUsageErrorNamesPropertyValueAndValidOnes(String option, String expected,
            String alsoExpected) {
        assertThatThrownBy(() -> CommandLine.parse("input=" + SAMPLE, "runDate=2026-11-30", option))
            .isInstanceOf(UsageException.class)
            .hasMessageContaining(expected.strip())
            .hasMessageContaining(alsoExpected.strip())
            .hasMessageEndingWith("Fix the command")
            .satisfies(e -> assertThat(e.getMessage()).doesNotContain("same command again", "org.capebatch", "java.",
                    "Exception"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', quoteCharacter = '"', value = { "runDate=2026-11-30 # missing job parameter input",
            "input=SAMPLE # missing job parameter runDate",
            "input=SAMPLE runDate=30.11.2026 # runDate has the invalid value '30.11.2026'; valid values: a date YYYY-MM-DD",
            "input=no-such-file.csv runDate=2026-11-30 # 'no-such-file.csv', which does not exist",
            "input=SAMPLE runDate=2026-11-30 rundate=2026-11-29 # unknown job parameter rundate",
            "input=SAMPLE runDate=2026-11-30 extra # unknown command or argument 'extra'",
            "abandon # abandon takes one job execution id", "abandon x12 # abandon takes one job execution id",
            "EMPTY # no command given" })
    void parse_WhenParametersAreWrong_ThenUsageError(String line, String expected) {
        String[] args = line.equals("EMPTY") ? new String[0] : line.replace("SAMPLE", SAMPLE).split(" ");
        assertThatThrownBy(() -> CommandLine.parse(args)).isInstanceOf(UsageException.class)
            .hasMessageContaining(expected)
            .hasMessageEndingWith("Fix the command");
    }

    @Test
    void parse_WhenRunIsValid_ThenRunWithAllArgumentsHandedOn() {
        CommandLine.Invocation call = CommandLine.parse("input=" + SAMPLE, "runDate=2026-11-30",
                "--cape.output-dir=out", "--cape.declaration.group-by=filer-code", "--cape.outputDir=out",
                "--cape.declarant.filer-codes[0]=ABC", "--spring.profiles.active=local");

        assertThat(call.command()).isEqualTo(CommandLine.Command.RUN);
        assertThat(call.args()).hasSize(7).startsWith("input=" + SAMPLE);
        assertThat(call.command().needsSpring()).isTrue();
    }

    @Test
    void parse_WhenOtherCommands_ThenRoutedWithoutRunChecks() {
        assertThat(CommandLine.parse("generate", "--entries=10").command()).isEqualTo(CommandLine.Command.GENERATE);
        assertThat(CommandLine.parse("generate", "--entries=10").args()).containsExactly("--entries=10");
        assertThat(CommandLine.parse("results=answers/").command()).isEqualTo(CommandLine.Command.RESULTS);
        assertThat(CommandLine.parse("release=answers/").command()).isEqualTo(CommandLine.Command.RELEASE);
        assertThat(CommandLine.parse("runs").command()).isEqualTo(CommandLine.Command.RUNS);
        assertThat(CommandLine.parse("abandon", "42").command()).isEqualTo(CommandLine.Command.ABANDON);
        assertThat(CommandLine.parse("prune", "--keep-days=30").command()).isEqualTo(CommandLine.Command.PRUNE);
        assertThat(CommandLine.parse("input=x", "--help").command()).isEqualTo(CommandLine.Command.HELP);
        // workers have no job parameters (k8s/deployment-worker.yaml, the README's worker
        // command)
        assertThat(CommandLine
            .parse("--spring.profiles.active=postgres,worker", "--spring.config.additional-location=config/")
            .command()).isEqualTo(CommandLine.Command.WORKER);
        assertThat(CommandLine
            .parse("--spring.config.additional-location=file:/etc/cape/", "--cape.job.run-on-startup=false")
            .command()).isEqualTo(CommandLine.Command.WORKER);
    }

    @Test
    void help_ListsCommandsEveryPropertyWithDefaultsAndExitCodes() {
        String help = CommandLine.help();

        assertThat(help).contains("input=<file-or-directory|db> runDate=<YYYY-MM-DD>", "results=", "release=", "  runs",
                "abandon <execution>", "prune --keep-days=<N>", "generate [--entries=N]");
        for (KnownProperties.Property property : KnownProperties.get().all()) {
            assertThat(help).contains("--" + property.name() + "=");
        }
        assertThat(help).contains("IMPORTER | FILER_CODE | NONE (default IMPORTER)", "(default 9999)",
                "logging.structured.format.console");
        for (int code = 0; code <= 5; code++) {
            assertThat(help).containsPattern("(?m)^  " + code + "  ");
        }
    }

}
