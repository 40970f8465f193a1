package org.capebatch.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/**
 * Input an attacker or a broken export would send (issue 7): each case is a fixture under
 * fixtures/job, each must end with every row used or listed in rejected-rows.csv with
 * file, line and column, and never fail a later step.
 */
class CapeJobHostileInputTest extends JobTestSupport {

    private static final String RUN_DATE = "2026-11-30";

    @Test
    void run_WhenRowsShorterThanHeader_ThenRejectedNamingMissingColumnsAndEntryDataError() throws Exception {
        // given: one row ends after its HTS number; the file is cut inside its last row
        // ($25.00 became $2)
        Path input = fixture("short-rows.csv");

        // when
        JobExecution execution = run(input, RUN_DATE);

        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        RunOutput out = new RunOutput(outputDir);
        RunChecks.assertConsistent(out, RUN_DATE, List.of(InputRows.of(input)), usedRows(execution));
        assertThat(out.rejected()).extracting(r -> r.get("line"), r -> r.get("column"), r -> r.get("message"))
            .containsExactly(
                    tuple("4", "Line Tariff Duty Amount",
                            "row has 9 of the header's 13 fields (cut off?): "
                                    + "missing Line Tariff Duty Amount, Statement Status, Protest Status, Surety Paid"),
                    tuple("6", "Statement Status", "row has 10 of the header's 13 fields (cut off?): "
                            + "missing Statement Status, Protest Status, Surety Paid"));
        Map<String, Map<String, String>> assessments = out.assessments();
        assertThat(assessments.get("XMP00010221")).containsEntry("status", "ELIGIBLE");
        for (String entry : List.of("XMP00010239", "XMP00010247")) {
            assertThat(assessments.get(entry)).as(entry)
                .containsEntry("reason", "DATA_ERROR")
                .containsEntry("ieepa_duty", "0.00")
                .containsEntry("declaration", "");
        }
        var counts = out.manifest().get("counts");
        assertThat(counts.get("rows_read").asLong()).isEqualTo(5);
        assertThat(counts.get("rows_rejected").asLong()).isEqualTo(2);
        assertThat(counts.get("eligible").asLong()).isEqualTo(1);
    }

    @Test
    void run_WhenValuesBeyondTheirBounds_ThenRowsRejectedWithColumnAndRunCompletes() throws Exception {
        // given: a NUL in an importer number and in an entry number, a duty of 10^16, an
        // importer number of 300
        // characters, a tab inside one, a payment in year 1 and a fraction of a cent (all
        // failed a later step)
        Path input = fixture("hostile-values.csv");

        // when
        JobExecution execution = run(input, RUN_DATE);

        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        RunOutput out = new RunOutput(outputDir);
        assertThat(out.rejected()).extracting(r -> r.get("line"), r -> r.get("column"), r -> r.get("message"))
            .containsExactly(tuple("3", "Importer Number", "control character U+0000 at position 8"),
                    tuple("4", "Line Tariff Duty Amount", "amount beyond 9999999999.99 on one row"),
                    tuple("5", "Importer Number", "value is 300 characters long, more than 256"),
                    tuple("6", "Importer Number", "control character U+0009 at position 7"),
                    tuple("7", "Payment Date", "year 1 is outside 1900-2099"),
                    tuple("8", "Line Tariff Duty Amount", "amount has fractions of a cent"),
                    tuple("9", "Entry Summary Number", "control character U+0000 at position 8"));
        // the NUL is shown, not lost: PostgreSQL text cannot hold it
        assertThat(out.rejected().get(0).get("value")).isEqualTo("47-1234\u240056700");
        Map<String, Map<String, String>> assessments = out.assessments();
        assertThat(assessments.get("XMP00010221")).containsEntry("status", "ELIGIBLE");
        assertThat(assessments).hasSize(7);
        assessments.values()
            .stream()
            .filter(a -> !a.get("entry_number").equals("XMP00010221"))
            .forEach(a -> assertThat(a).as(a.get("entry_number")).containsEntry("reason", "DATA_ERROR"));
        assertThat(out.manifest().get("counts").get("rows_rejected").asLong()).isEqualTo(7);
        assertThat(outputDir.resolve("declarations"))
            .isDirectoryContaining(p -> p.getFileName().toString().startsWith("CAPE_4712345670"));
    }

    @Test
    void run_WhenEntryHasMoreRowsThanTheLimit_ThenDataErrorWithEveryRowListed() throws Exception {
        // given: one entry of exactly the limit, one of a row more (the bug report had
        // 500k rows: out of memory)
        Path input = tempDir.resolve("one-entry-many-rows.csv");
        int limit = org.capebatch.assessment.StagedEntryReader.MAX_ENTRY_ROWS;
        try (var out = java.nio.file.Files.newBufferedWriter(input)) {
            out.write("Entry Summary Number,Entry Type Code,Importer Number,Entry Date,HTS Number - Full,"
                    + "Line Tariff Duty Amount\n");
            for (int i = 0; i < limit; i++) {
                out.write("XMP00010221,01,47-123456700,06/16/2025,99030125,$1.00\n");
            }
            for (int i = 0; i <= limit; i++) {
                out.write("XMP00010239,01,47-123456700,06/16/2025,99030125,$1.00\n");
            }
        }

        // when
        JobExecution execution = run(input, RUN_DATE);

        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        RunOutput out = new RunOutput(outputDir);
        RunChecks.assertConsistent(out, RUN_DATE, List.of(InputRows.of(input)), usedRows(execution));
        Map<String, Map<String, String>> assessments = out.assessments();
        assertThat(assessments.get("XMP00010221")).containsEntry("status", "ELIGIBLE")
            .containsEntry("ieepa_duty", limit + ".00");
        assertThat(assessments.get("XMP00010239")).containsEntry("reason", "DATA_ERROR")
            .containsEntry("importer_number", "47-123456700")
            .containsEntry("entry_type", "01");
        List<Map<String, String>> rejected = out.rejected();
        assertThat(rejected).hasSize(limit + 1)
            .allSatisfy(r -> assertThat(r.get("message")).isEqualTo("entry has " + (limit + 1) + " rows, more than the "
                    + limit + " one entry may have: not assessed (is the export one entry repeated?)"));
        assertThat(rejected.get(0).get("line")).isEqualTo(String.valueOf(limit + 2));
        assertThat(rejected.get(limit).get("line")).isEqualTo(String.valueOf(2 * limit + 2));
        assertThat(out.manifest().get("counts").get("rows_rejected").asLong()).isEqualTo(limit + 1);
    }

    @Test
    void run_WhenWindows1252BytesOnlyAfter64KB_ThenImporterNumberReadAsWritten() throws Exception {
        // given: 66 KB of ASCII, then an importer number with a Windows-1252 en dash (it
        // became U+FFFD)
        Path input = sourceFixture("windows-1252-after-64k.csv");

        // when
        JobExecution execution = run(input, RUN_DATE);

        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        RunOutput out = new RunOutput(outputDir);
        assertThat(out.rejected()).isEmpty();
        assertThat(out.assessments().get("XMP00010239")).containsEntry("importer_number", "47\u2013123456700");
    }

    @Test
    void run_WhenUtf8AndWindows1252Mixed_ThenInvalidBytesAreARejectedRowNamingFileLineAndColumn() throws Exception {
        // given: UTF-8 early in the file, a Windows-1252 en dash in an importer number
        // after 64 KB
        Path input = sourceFixture("mixed-utf8-windows-1252.csv");

        // when
        JobExecution execution = run(input, RUN_DATE);

        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        RunOutput out = new RunOutput(outputDir);
        assertThat(out.rejected()).singleElement().satisfies(r -> {
            assertThat(r.get("source_file")).isEqualTo("mixed-utf8-windows-1252.csv");
            assertThat(r.get("line")).isEqualTo("1003");
            assertThat(r.get("column")).isEqualTo("Importer Number");
            assertThat(r.get("message"))
                .isEqualTo("character U+FFFD at position 3: bytes not valid in the file's encoding");
        });
        assertThat(out.assessments().get("XMP00010239")).containsEntry("reason", "DATA_ERROR");
        assertThat(out.assessments().get("XMP00010221")).containsEntry("status", "ELIGIBLE");
    }

    @Test
    void run_WhenUtf16WithByteOrderMark_ThenSameAssessmentAsUtf8() throws Exception {
        // when
        JobExecution execution = run(sourceFixture("utf16le-bom.csv"), RUN_DATE);

        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        RunOutput out = new RunOutput(outputDir);
        assertThat(out.rejected()).isEmpty();
        assertThat(out.assessments().get("XMP00010221")).containsEntry("status", "ELIGIBLE")
            .containsEntry("importer_number", "47\u2013123456700")
            .containsEntry("ieepa_duty", "1.00");
    }

    @Test
    void run_WhenSplitFileHasStrayQuoteThenQuotedMultiLineCell_ThenSameOutputAsUnsplit() throws Exception {
        // given: the same file imported whole, then in byte ranges of at least 200 bytes
        Path input = sourceFixture("stray-quote-multiline.csv");
        assertThat(run(input, RUN_DATE).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        byte[] whole = java.nio.file.Files.readAllBytes(outputDir.resolve(RunOutput.ASSESSMENTS));
        assertThat(new RunOutput(outputDir).rejected()).isEmpty();
        truncateAll();
        outputDir = tempDir.resolve("out-split");
        properties.setOutputDir(outputDir);
        long minSplitBytes = properties.getJob().getMinSplitBytes();
        int gridSize = properties.getJob().getGridSize();
        properties.getJob().setMinSplitBytes(200);
        properties.getJob().setGridSize(4);

        // when
        JobExecution execution;
        try {
            execution = run(input, RUN_DATE);
        }
        finally {
            // the Spring context (and these properties) is shared with the other job
            // tests
            properties.getJob().setMinSplitBytes(minSplitBytes);
            properties.getJob().setGridSize(gridSize);
        }

        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(count("SELECT count(DISTINCT part) FROM cape_input_part")).isGreaterThan(1);
        assertThat(java.nio.file.Files.readAllBytes(outputDir.resolve(RunOutput.ASSESSMENTS))).isEqualTo(whole);
        assertThat(new RunOutput(outputDir).rejected()).isEmpty();
        assertThat(new RunOutput(outputDir).manifest().get("counts").get("rows_read").asLong()).isEqualTo(40);
    }

    private static Path sourceFixture(String name) throws Exception {
        return Path.of(CapeJobHostileInputTest.class.getResource("/fixtures/source/" + name).toURI());
    }

}
