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
        // given: run A fails in the assess step after one partition committed its
        // (eligible) assessments ...
        Path input = sample("es003-sample.csv");
        failOnInsert("cape_assessment", "entry_number", "YOT00010401");
        JobExecution a = run(input, "2026-11-30");
        dropFailures();
        assertThat(a.getStatus()).isEqualTo(BatchStatus.FAILED);
        long runA = a.getJobInstance().getInstanceId();
        Set<String> eligibleBeforeB = new HashSet<>(
                jdbc.queryForList("SELECT entry_number FROM cape_assessment WHERE run_id = ? AND status = 'ELIGIBLE'",
                        String.class, runA));
        // ... and before it is restarted, run B (the next day) declares entries of it
        properties.setOutputDir(tempDir.resolve("out-b"));
        JobExecution b = run(input, "2026-12-01");
        assertThat(b.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Set<String> declaredByB = new HashSet<>(
                jdbc.queryForList("SELECT entry_number FROM cape_ledger WHERE run_id = ?", String.class,
                        b.getJobInstance().getInstanceId()));
        Set<String> overtaken = new HashSet<>(eligibleBeforeB);
        overtaken.retainAll(declaredByB);
        assertThat(overtaken).isNotEmpty();
        properties.setOutputDir(outputDir);

        // when
        JobExecution restarted = run(input, "2026-11-30");

        // then: run A completes; what B declared meanwhile is ALREADY_DECLARED in A,
        // declared by B only
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        RunOutput out = new RunOutput(outputDir);
        Map<String, Map<String, String>> assessments = out.assessments();
        for (String entry : overtaken) {
            assertThat(assessments.get(entry)).as(entry)
                .containsEntry("status", "EXCLUDED")
                .containsEntry("reason", "ALREADY_DECLARED")
                .containsEntry("remedy", "NONE")
                .containsEntry("interest", "0.00")
                .containsEntry("refund_total", "0.00")
                .containsEntry("urgent", "N")
                .containsEntry("deadline", "")
                .containsEntry("declaration", "");
        }
        out.declarationCsvs().values().forEach(lines -> assertThat(lines).doesNotContainAnyElementsOf(declaredByB));
        assertThat(count("SELECT count(*) FROM cape_ledger WHERE run_id = ?", runA))
            .isEqualTo(out.manifest().get("counts").get("eligible").asLong())
            .isPositive();
        assertThat(count("SELECT count(*) FROM cape_entry_state WHERE run_id = ?", runA))
            .isEqualTo(count("SELECT count(*) FROM cape_ledger WHERE run_id = ?", runA));
        RunChecks.assertConsistent(out, "2026-11-30", List.of(InputRows.of(input)), usedRows(restarted));
    }

    @Test
    void run_WhenEarlierRunFailedForGoodAfterDeclareStep_ThenItsEntriesAreNotAlreadyDeclared() throws Exception {
        // given: run A assigns its declarations, then cannot write them (a file where the
        // directory should be)
        Path input = sample("es003-sample.csv");
        Files.createDirectories(outputDir);
        Files.writeString(outputDir.resolve("declarations"), "not a directory");
        JobExecution a = run(input, "2026-11-30");
        assertThat(a.getStatus()).isEqualTo(BatchStatus.FAILED);
        long runA = a.getJobInstance().getInstanceId();
        assertThat(count("SELECT count(*) FROM cape_ledger WHERE run_id = ?", runA)).isPositive();
        assertThat(count("SELECT count(*) FROM cape_entry_state")).isZero();
        outputDir = tempDir.resolve("out-b");
        properties.setOutputDir(outputDir);

        // when: A is never restarted; the next day's run
        JobExecution b = run(input, "2026-12-01");

        // then: nothing of A counts as declared; B declares the entries and the ledger
        // holds them as DECLARED
        assertThat(b.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        RunOutput out = new RunOutput(outputDir);
        assertThat(out.assessments().values()).noneMatch(row -> row.get("reasons").contains("ALREADY_DECLARED"));
        long runB = b.getJobInstance().getInstanceId();
        assertThat(count("SELECT count(*) FROM cape_entry_state WHERE state = 'DECLARED' AND run_id = ?", runB))
            .isEqualTo(out.manifest().get("counts").get("eligible").asLong())
            .isPositive();
    }

    @Test
    void run_WhenLedgerReleasedOrHeldEntries_ThenReleasedAreDeclaredAgainAndHeldAreCbpFailed() throws Exception {
        // given: a first run, then CBP's answers as the answers job records them: one
        // entry released, one
        // failed with a HOLD error, one failed with a RESUBMIT error (which releases it),
        // one accepted
        Path input = sample("es003-sample.csv");
        JobExecution first = run(input, "2026-11-30");
        assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        List<String> declared = jdbc.queryForList(
                "SELECT entry_number FROM cape_entry_state WHERE state = 'DECLARED' ORDER BY entry_number",
                String.class);
        assertThat(declared).hasSizeGreaterThanOrEqualTo(4);
        String released = declared.get(0);
        String held = declared.get(1);
        String resubmit = declared.get(2);
        String accepted = declared.get(3);
        jdbc.update("UPDATE cape_entry_state SET state = 'RELEASED' WHERE entry_number = ?", released);
        jdbc.update("UPDATE cape_entry_state SET state = 'FAILED', cbp_error = 'INVALID HTS', error_class = 'HOLD',"
                + " remedy = 'FILE_PSC' WHERE entry_number = ?", held);
        jdbc.update("UPDATE cape_entry_state SET state = 'RELEASED', cbp_error = 'UNABLE TO CALCULATE DUTY',"
                + " error_class = 'RESUBMIT' WHERE entry_number = ?", resubmit);
        jdbc.update("UPDATE cape_entry_state SET state = 'ACCEPTED', claim_number = '100000241223'"
                + " WHERE entry_number = ?", accepted);
        String oldDeclaration = jdbc.queryForObject("SELECT declaration FROM cape_entry_state WHERE entry_number = ?",
                String.class, released);
        outputDir = tempDir.resolve("out-2026-12-01");
        properties.setOutputDir(outputDir);

        // when
        JobExecution second = run(input, "2026-12-01");

        // then
        assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, Map<String, String>> assessments = new RunOutput(outputDir).assessments();
        for (String entry : List.of(released, resubmit)) {
            assertThat(assessments.get(entry)).as(entry).containsEntry("status", "ELIGIBLE");
            assertThat(assessments.get(entry).get("declaration")).contains("_20261201_");
            assertThat(jdbc.queryForMap("SELECT state, declared_on, claim_number, cbp_error FROM cape_entry_state"
                    + " WHERE entry_number = ?", entry))
                .containsEntry("state", "DECLARED")
                .containsEntry("declared_on", java.sql.Date.valueOf("2026-12-01"))
                .containsEntry("claim_number", null)
                .containsEntry("cbp_error", null);
        }
        assertThat(assessments.get(held)).containsEntry("reason", "CBP_FAILED")
            .containsEntry("remedy", "FILE_PSC")
            .containsEntry("declaration", "");
        assertThat(assessments.get(accepted)).containsEntry("reason", "ALREADY_DECLARED")
            .containsEntry("remedy", "NONE");
        // the old declaration stays in the history
        assertThat(jdbc.queryForList("SELECT declaration FROM cape_ledger WHERE entry_number = ? ORDER BY run_id",
                String.class, released))
            .hasSize(2)
            .first()
            .isEqualTo(oldDeclaration);
        assertThat(jdbc.queryForObject("SELECT state FROM cape_entry_state WHERE entry_number = ?", String.class, held))
            .isEqualTo("FAILED");
    }

    /**
     * {@code count} eligible entries of importer 47-123456700, one IEEPA row each;
     * returns them sorted.
     */
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
