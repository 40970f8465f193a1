package org.capebatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.capebatch.entry.EntryNumber;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/**
 * The bundled sample end to end (sample/README.md), every output file checked (SPEC §5).
 */
class CapeJobEndToEndTest extends JobTestSupport {

    private static final String RUN_DATE = "2026-11-30";

    @Test
    void run_WhenBundledSample_ThenEveryOutputFileAsSpecified() throws Exception {
        // when
        JobExecution execution = run(sample("es003-sample.csv"), RUN_DATE);

        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        RunOutput out = new RunOutput(outputDir);
        InputRows input = InputRows.of(sample("es003-sample.csv"));
        RunChecks.assertConsistent(out, RUN_DATE, List.of(input), usedRows(execution));
        Map<String, Map<String, String>> assessments = out.assessments();

        // The hand-written entries have the outcomes of es003-sample-expected.csv, column
        // by column.
        List<Map<String, String>> expected = RunOutput.csv(sample("es003-sample-expected.csv"));
        assertThat(expected).hasSize(39);
        for (Map<String, String> row : expected) {
            Map<String, String> actual = assessments.get(row.get("entry_number"));
            assertThat(actual).as("assessment of %s", row.get("entry_number")).isNotNull();
            row.forEach(
                    (column, value) -> assertThat(actual.get(column)).as("%s of %s", column, row.get("entry_number"))
                        .isEqualTo(value));
        }

        // rejected-rows.csv: the bad dates, the conflict, the bad check digit and the
        // duplicate, with their cells.
        List<Map<String, String>> rejected = out.rejected();
        assertThat(rejected).allSatisfy(r -> assertThat(r.get("source_file")).isEqualTo("es003-sample.csv"));
        List<Long> badDateLines = linesOf(input, "XMP00010015");
        assertThat(badDateLines).isNotEmpty();
        for (long line : badDateLines) {
            assertThat(rejected).anySatisfy(r -> {
                assertThat(r.get("line")).isEqualTo(Long.toString(line));
                assertThat(r.get("column")).isEqualTo("Entry Date");
                assertThat(r.get("value")).isEqualTo("02/30/2025");
                assertThat(r.get("message")).isNotBlank();
            });
        }
        List<Long> conflictLines = linesOf(input, "XMP00010023");
        assertThat(rejected).anySatisfy(r -> {
            assertThat(Long.parseLong(r.get("line"))).isIn(conflictLines);
            assertThat(r.get("column")).isEqualTo("Importer Number");
            assertThat(r.get("value")).isEqualTo("83-765432100");
            assertThat(r.get("message")).contains("47-123456700");
        });
        InputRows.Row badCheckDigit = input.rows()
            .stream()
            .filter(r -> r.cells().get(0).contains("XMP00010396"))
            .findFirst()
            .orElseThrow();
        assertThat(rejected).anySatisfy(r -> {
            assertThat(r.get("line")).isEqualTo(Long.toString(badCheckDigit.line()));
            assertThat(r.get("column")).isEqualTo("Entry Summary Number");
            assertThat(r.get("value")).isEqualTo(badCheckDigit.cells().get(0));
            assertThat(r.get("message")).containsIgnoringCase("check digit");
        });
        long lastLine = input.rows().get(input.rows().size() - 1).line();
        assertThat(rejected).filteredOn(r -> r.get("message").equals("duplicate row"))
            .singleElement()
            .satisfies(r -> assertThat(r.get("line")).isEqualTo(Long.toString(lastLine)));
        assertThat(assessments.get("XMP00010353").get("status")).isEqualTo("ELIGIBLE");
        assertThat(assessments.get("XMP00010353").get("ieepa_duty")).isEqualTo("3000.00");

        // Declarations: one group per importer, the SSN-format importer never in a file
        // name.
        Map<String, List<String>> declarations = out.declarationCsvs();
        assertThat(declarations).isNotEmpty();
        String ssnImporter = assessments.get("XMP00010239").get("importer_number");
        assertThat(ssnImporter).matches("\\d{3}-\\d{2}-\\d{4}");
        String ssnDigits = ssnImporter.replace("-", "");
        assertThat(out.allFiles()).noneMatch(path -> path.contains(ssnDigits) || path.contains(ssnImporter));
        for (Map.Entry<String, List<String>> file : declarations.entrySet()) {
            List<String> entries = file.getValue().subList(1, file.getValue().size());
            assertThat(entries.stream().map(e -> assessments.get(e).get("importer_number")).collect(Collectors.toSet()))
                .as("importers of %s", file.getKey())
                .hasSize(1);
            String importer = assessments.get(entries.get(0)).get("importer_number");
            if (!importer.matches("\\d{3}-\\d{2}-\\d{4}")) {
                assertThat(file.getKey()).startsWith("CAPE_" + importer.replaceAll("[^A-Za-z0-9]", "") + "_");
            }
        }
        assertThat(assessments.get("XMP00010221").get("declaration")).isEqualTo("CAPE_47123456700_20261130_001.csv");

        // summary.xlsx has a chart; every declaration CSV has its workbook (checked cell
        // by cell above).
        assertThat(RunOutput.hasChart(outputDir.resolve(RunOutput.SUMMARY))).isTrue();
        assertThat(out.allFiles().stream().filter(p -> p.endsWith(".xlsx") && p.startsWith("declarations/")))
            .hasSize(declarations.size());
        assertThat(Files.list(outputDir).map(p -> p.getFileName().toString()).toList())
            .noneMatch(name -> name.endsWith(".tmp"));
    }

    private static List<Long> linesOf(InputRows input, String entry) {
        EntryNumber number = EntryNumber.parse(entry);
        return input.rows()
            .stream()
            .filter(r -> r.entryNumber().filter(number.value()::equals).isPresent())
            .map(InputRows.Row::line)
            .toList();
    }

}
