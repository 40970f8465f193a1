package org.capebatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.capebatch.entry.EntryNumber;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/** Declarations across the limits of one file and of one run (SPEC §3 check 13, §5). */
class CapeJobDeclarationTest extends JobTestSupport {

    @Test
    void run_When10000EligibleEntriesOfOneImporter_ThenDeclarationsOf9999And1() throws Exception {
        // given
        Path input = tempDir.resolve("one-importer-10000.csv");
        List<String> entries = writeOneImporter(input, 10_000);

        // when
        JobExecution execution = run(input, "2026-11-30");

        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        RunOutput out = new RunOutput(outputDir);
        Map<String, List<String>> declarations = out.declarationCsvs();
        assertThat(declarations.keySet()).containsExactly("CAPE_47123456700_20261130_001.csv",
                "CAPE_47123456700_20261130_002.csv");
        List<String> first = declarations.get("CAPE_47123456700_20261130_001.csv");
        List<String> second = declarations.get("CAPE_47123456700_20261130_002.csv");
        assertThat(first).hasSize(1 + 9_999);
        assertThat(first.subList(1, first.size())).isEqualTo(entries.subList(0, 9_999));
        assertThat(second).containsExactly("Entry Number", entries.get(9_999));
        assertThat(out.manifest().get("counts").get("eligible").asLong()).isEqualTo(10_000);
        RunChecks.assertConsistent(out, "2026-11-30", List.of(InputRows.of(input)), usedRows(execution));
    }

    @Test
    void run_WhenSecondRunDateOnSameInput_ThenEntriesDeclaredByFirstAreAlreadyDeclared() throws Exception {
        // given: a first run that declared entries
        Path input = sample("es003-sample.csv");
        assertThat(run(input, "2026-11-30").getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, Map<String, String>> first = new RunOutput(outputDir).assessments();
        Set<String> declaredFirst = new HashSet<>();
        first.forEach((entry, a) -> {
            if (!a.get("declaration").isEmpty()) {
                declaredFirst.add(entry);
            }
        });
        assertThat(declaredFirst).isNotEmpty();
        outputDir = tempDir.resolve("out-2026-12-01");
        properties.setOutputDir(outputDir);

        // when: another job instance on the same input
        JobExecution execution = run(input, "2026-12-01");

        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        RunOutput out = new RunOutput(outputDir);
        Map<String, Map<String, String>> second = out.assessments();
        assertThat(second.keySet()).isEqualTo(first.keySet());
        second.forEach((entry, a) -> {
            boolean already = List.of(a.get("reasons").split("\\|")).contains("ALREADY_DECLARED");
            assertThat(already).as("%s ALREADY_DECLARED", entry).isEqualTo(declaredFirst.contains(entry));
            if (already) {
                assertThat(a).as(entry).containsEntry("status", "EXCLUDED").containsEntry("declaration", "");
            }
        });
        assertThat(second.get("XMP00010221")).containsEntry("reason", "ALREADY_DECLARED")
                .containsEntry("remedy", "NONE");
        out.declarationCsvs().values().forEach(lines -> assertThat(lines).doesNotContainAnyElementsOf(declaredFirst));
        long runId = execution.getJobInstance().getInstanceId();
        assertThat(count("SELECT count(*) FROM cape_ledger WHERE run_id = ?", runId))
                .isEqualTo(second.values().stream().filter(a -> a.get("status").equals("ELIGIBLE")).count());
        RunChecks.assertConsistent(out, "2026-12-01", List.of(InputRows.of(input)), usedRows(execution));
    }

    @Test
    void run_WhenFailedRunRestartedAfterLaterRunDeclaredItsEntries_ThenCompletesAndDeclaresNothingTwice()
            throws Exception {
        // given: run A fails in the assess step after one partition committed its (eligible) assessments ...
        Path input = sample("es003-sample.csv");
        failOnInsert("cape_assessment", "entry_number", "YOT00010401");
        JobExecution a = run(input, "2026-11-30");
        dropFailures();
        assertThat(a.getStatus()).isEqualTo(BatchStatus.FAILED);
        long runA = a.getJobInstance().getInstanceId();
        Set<String> eligibleBeforeB = new HashSet<>(jdbc.queryForList(
                "SELECT entry_number FROM cape_assessment WHERE run_id = ? AND status = 'ELIGIBLE'", String.class,
                runA));
        // ... and before it is restarted, run B (the next day) declares entries of it
        properties.setOutputDir(tempDir.resolve("out-b"));
        JobExecution b = run(input, "2026-12-01");
        assertThat(b.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Set<String> declaredByB = new HashSet<>(jdbc.queryForList(
                "SELECT entry_number FROM cape_ledger WHERE run_id = ?", String.class,
                b.getJobInstance().getInstanceId()));
        Set<String> overtaken = new HashSet<>(eligibleBeforeB);
        overtaken.retainAll(declaredByB);
        assertThat(overtaken).isNotEmpty();
        properties.setOutputDir(outputDir);

        // when
        JobExecution restarted = run(input, "2026-11-30");

        // then: run A completes; what B declared meanwhile is ALREADY_DECLARED in A, declared by B only
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        RunOutput out = new RunOutput(outputDir);
        Map<String, Map<String, String>> assessments = out.assessments();
        for (String entry : overtaken) {
            assertThat(assessments.get(entry)).as(entry).containsEntry("status", "EXCLUDED")
                    .containsEntry("reason", "ALREADY_DECLARED").containsEntry("remedy", "NONE")
                    .containsEntry("interest", "0.00").containsEntry("refund_total", "0.00")
                    .containsEntry("urgent", "N").containsEntry("deadline", "").containsEntry("declaration", "");
        }
        out.declarationCsvs().values().forEach(lines -> assertThat(lines).doesNotContainAnyElementsOf(declaredByB));
        assertThat(count("SELECT count(*) FROM cape_ledger WHERE run_id = ?", runA))
                .isEqualTo(out.manifest().get("counts").get("eligible").asLong()).isPositive();
        RunChecks.assertConsistent(out, "2026-11-30", List.of(InputRows.of(input)), usedRows(restarted));
    }

    /** {@code count} eligible entries of importer 47-123456700, one IEEPA row each; returns them sorted. */
    private static List<String> writeOneImporter(Path target, int count) throws Exception {
        List<String> entries = new java.util.ArrayList<>(count);
        try (BufferedWriter out = Files.newBufferedWriter(target)) {
            out.write("Entry Summary Number,Entry Summary Line Number,Tariff Ordinal Number,Entry Type Code,"
                    + "Importer Number,Entry Date,Payment Date,HTS Number - Full,Line Tariff Duty Amount\n");
            for (int i = 0; i < count; i++) {
                String ten = String.format("XMP%07d", 2_000_000 + i);
                String entry = ten + EntryNumber.checkDigit(ten);
                entries.add(entry);
                out.write(entry + ",1,1,01,47-123456700,06/16/2025,07/08/2025,99030125,$100.00\n");
            }
        }
        return entries;
    }
}
