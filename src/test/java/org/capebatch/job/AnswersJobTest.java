package org.capebatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.capebatch.answers.AnswersReportTasklet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The loop of SPEC §6 on the sample: declare, import CBP's results (Claim Details and an
 * ES-022 workbook), declare again, release, declare again; and an import that stops
 * before anything is applied.
 */
class AnswersJobTest extends JobTestSupport {

    @Autowired
    @Qualifier("capeAnswersJob")
    Job answersJob;

    private List<String> declared;

    @BeforeEach
    void declareSample() throws Exception {
        assertThat(run(sample("es003-sample.csv"), "2026-11-30").getStatus()).isEqualTo(BatchStatus.COMPLETED);
        declared = jdbc.queryForList("SELECT entry_number FROM cape_entry_state ORDER BY entry_number", String.class);
        assertThat(declared).hasSizeGreaterThan(10);
    }

    @Test
    void loop_WhenResultsThenDeclareThenReleaseThenDeclare_ThenLedgerFollowsEveryEntry() throws Exception {
        // given: Claim Details accepting A, failing B (HOLD) and C (RESUBMIT), with
        // malformed rows; an ES-022
        // workbook paying A (principal off by more than the tolerance) and an entry the
        // ledger never declared
        String a = declared.get(0);
        String b = declared.get(1);
        String c = declared.get(2);
        Path results = Files.createDirectories(tempDir.resolve("results"));
        Files.writeString(results.resolve("claims-1.csv"),
                "ENTRY_NUMBER,CLAIM_NUMBER,STATUS,ERROR_DESCRIPTION\r\n" + "=\"" + a
                        + "\",=\"100000241223\",Entry Summary Updated,\r\n" + "=\"" + b
                        + "\",=\"100000241223\",Failed,INVALID HTS\r\n" + "=\"" + c
                        + "\",=\"100000241223\",Failed,UNABLE TO CALCULATE DUTY\r\n" + "=\"" + c
                        + "\",=\"100000241223\",Failed,UNABLE TO CALCULATE DUTY\r\n"
                        + "ABC12345670,100000241223,Failed,INVALID HTS\r\n" + declared.get(3)
                        + ",12AB,Entry Summary Updated,\r\n" + declared.get(4) + ",100000241223,Pending,\r\n");
        BigDecimal estimate = jdbc.queryForObject("SELECT ieepa_duty FROM cape_assessment WHERE entry_number = ?",
                BigDecimal.class, a);
        writeEs022(results.resolve("es022.xlsx"), a, estimate.add(new BigDecimal("5.00")), "ABC12345676");

        // when
        JobExecution imported = importAnswers("results", results);

        // then: every row has its outcome, the ledger its states
        assertThat(imported.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Path out = outputDir;
        List<Map<String, String>> answers = RunOutput.csv(out.resolve("answers.csv"));
        assertThat(answers.stream().map(r -> r.get("outcome")).toList()).containsExactly("APPLIED", "APPLIED",
                "APPLIED", "UNCHANGED", "REJECTED", "REJECTED", "REJECTED", "APPLIED", "UNKNOWN_ENTRY");
        assertThat(answers.get(3).get("message")).contains("also on line 4");
        assertThat(answers.get(4).get("message")).contains("ENTRY_NUMBER 'ABC12345670'").contains("check digit");
        assertThat(answers.get(5).get("message")).contains("CLAIM_NUMBER '12AB'");
        assertThat(answers.get(6).get("message")).contains("STATUS 'Pending'");
        assertThat(answers.get(7)).containsEntry("kind", "ES022").containsEntry("source_file", "es022.xlsx");
        assertThat(RunOutput.crlfLines(out.resolve("entry-status.csv")).get(0))
            .isEqualTo(AnswersReportTasklet.ENTRY_STATUS_HEADER);
        Map<String, Map<String, String>> status = RunOutput.csv(out.resolve("entry-status.csv"))
            .stream()
            .collect(Collectors.toMap(r -> r.get("entry_number"), r -> r));
        assertThat(status).hasSize(declared.size());
        assertThat(status.get(a)).containsEntry("state", "ACCEPTED")
            .containsEntry("action", "CHECK_REFUND")
            .containsEntry("principal_variance", "5.00")
            .containsEntry("claim_number", "100000241223");
        assertThat(status.get(b)).containsEntry("state", "FAILED")
            .containsEntry("action", "FIX")
            .containsEntry("remedy", "FILE_PSC")
            .containsEntry("cbp_error", "INVALID HTS");
        assertThat(status.get(c)).containsEntry("state", "RELEASED").containsEntry("action", "REDECLARE");
        assertThat(status.get(declared.get(5))).containsEntry("state", "DECLARED").containsEntry("action", "WAIT");
        JsonNode manifest = JsonMapper.builder().build().readTree(out.resolve("manifest.json").toFile());
        assertThat(manifest.get("counts").get("rows_by_outcome").get("REJECTED").asLong()).isEqualTo(3);
        assertThat(manifest.get("counts").get("entries_by_state").get("ACCEPTED").asLong()).isEqualTo(1);
        assertThat(RunOutput.hasChart(out.resolve("status.xlsx"))).isTrue();

        // when: the next declaration run
        outputDir = tempDir.resolve("out-1201");
        properties.setOutputDir(outputDir);
        assertThat(run(sample("es003-sample.csv"), "2026-12-01").getStatus()).isEqualTo(BatchStatus.COMPLETED);

        // then: C declared again, B held with its remedy, A accepted for good
        Map<String, Map<String, String>> assessments = new RunOutput(outputDir).assessments();
        assertThat(assessments.get(c)).containsEntry("status", "ELIGIBLE");
        assertThat(assessments.get(c).get("declaration")).contains("_20261201_");
        assertThat(assessments.get(b)).containsEntry("reason", "CBP_FAILED").containsEntry("remedy", "FILE_PSC");
        assertThat(assessments.get(a)).containsEntry("reason", "ALREADY_DECLARED");

        // when: B and A are released (A is accepted: refused)
        Path release = Files.createDirectories(tempDir.resolve("release"));
        Files.writeString(release.resolve("fixed.csv"), "Entry Number\r\n" + b + "\r\n" + a + "\r\n");
        outputDir = tempDir.resolve("out-release");
        properties.setOutputDir(outputDir);
        assertThat(importAnswers("release", release).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(RunOutput.csv(outputDir.resolve("answers.csv")).stream().map(r -> r.get("outcome")).toList())
            .containsExactly("APPLIED", "REFUSED");

        // then: the run after declares B again, on a new declaration; its old one stays
        // in the history
        outputDir = tempDir.resolve("out-1202");
        properties.setOutputDir(outputDir);
        assertThat(run(sample("es003-sample.csv"), "2026-12-02").getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(new RunOutput(outputDir).assessments().get(b).get("declaration")).contains("_20261202_");
        assertThat(count("SELECT count(*) FROM cape_ledger WHERE entry_number = ?", b)).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM cape_answer WHERE entry_number = ?", b)).isEqualTo(2);
    }

    @Test
    void results_WhenOneFileIsOfUnknownKind_ThenFailsNamingItBeforeAnythingIsApplied() throws Exception {
        // given
        Path results = Files.createDirectories(tempDir.resolve("mixed"));
        Files.writeString(results.resolve("a-claims.csv"), "ENTRY_NUMBER,CLAIM_NUMBER,STATUS,ERROR_DESCRIPTION\r\n"
                + declared.get(0) + ",100000241223,Entry Summary Updated,\r\n");
        Files.writeString(results.resolve("b-notes.csv"), "Entry,Note\r\n" + declared.get(1) + ",call CBP\r\n");

        // when
        JobExecution execution = importAnswers("results", results);

        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(execution.getAllFailureExceptions().get(0).getMessage()).startsWith("b-notes.csv: ");
        assertThat(count("SELECT count(*) FROM cape_answer")).isZero();
        assertThat(count("SELECT count(*) FROM cape_entry_state WHERE state <> 'DECLARED'")).isZero();
    }

    @Test
    void results_WhenEmptyFile_ThenFailsNamingIt() throws Exception {
        Path results = Files.createDirectories(tempDir.resolve("empty"));
        Files.writeString(results.resolve("claims.csv"), "");

        JobExecution execution = importAnswers("results", results);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(execution.getAllFailureExceptions().get(0).getMessage()).isEqualTo("claims.csv: the file is empty");
        assertThat(count("SELECT count(*) FROM cape_answer")).isZero();
    }

    private JobExecution importAnswers(String kind, Path input) throws Exception {
        return jobOperator.start(answersJob, AnswersParameters.parse(List.of(kind + "=" + input)).toJobParameters());
    }

    /**
     * An ES-022 as ACE exports it: a Parameters sheet, then Main Report with a title row
     * above the header.
     */
    static void writeEs022(Path file, String paidEntry, BigDecimal principal, String unknownEntry) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            workbook.createSheet("Parameters").createRow(0).createCell(0).setCellValue("Report: ES-022");
            Sheet main = workbook.createSheet("Main Report");
            main.createRow(0).createCell(0).setCellValue("CAPE Entry Summary Report");
            String[] header = { "Claim Number", "Claim Status", "Filer Code", "Importer Number", "CF4811 Number",
                    "CF4811 Name", "Entry Summary Number", "Entry Date", "Liquidation Date", "Control Team Number",
                    "Center ID Code", "Center ID Name", "Refund Amount", "Interest Amount", "Refund Number",
                    "Refund Date", "Refund Status" };
            Row h = main.createRow(1);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            row(main, 2, paidEntry, principal.doubleValue());
            row(main, 3, unknownEntry, 10.0);
            workbook.write(out);
        }
    }

    private static void row(Sheet sheet, int r, String entry, double principal) {
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue("=\"100000241223\"");
        row.createCell(1).setCellValue("Accepted");
        row.createCell(6).setCellValue(entry);
        row.createCell(12).setCellValue(principal);
        row.createCell(13).setCellValue(1.25);
        row.createCell(14).setCellValue("R" + r);
        row.createCell(15).setCellValue("05/12/2026");
        row.createCell(16).setCellValue("Treasury Issued");
    }

}
