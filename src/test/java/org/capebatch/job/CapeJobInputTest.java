package org.capebatch.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/**
 * What the job makes of its input (SPEC §1–§2): bad rows, a bad header, XLSX, and a
 * directory of files.
 */
class CapeJobInputTest extends JobTestSupport {

    private static final String RUN_DATE = "2026-11-30";

    @Test
    void run_WhenRowsMalformed_ThenCompletedWithEveryRowRejectedAndItsEntryDataError() throws Exception {
        // given
        Path input = fixture("malformed-rows.csv");

        // when
        JobExecution execution = run(input, RUN_DATE);

        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        RunOutput out = new RunOutput(outputDir);
        RunChecks.assertConsistent(out, RUN_DATE, List.of(InputRows.of(input)), usedRows(execution));
        List<Map<String, String>> rejected = out.rejected();
        assertThat(rejected).allSatisfy(r -> {
            assertThat(r.get("source_file")).isEqualTo("malformed-rows.csv");
            assertThat(r.get("message")).isNotBlank();
        });
        assertThat(rejected).extracting(r -> r.get("line"), r -> r.get("column"), r -> r.get("value"))
            .contains(tuple("4", "Entry Date", "13/45/2025"), tuple("6", "Line Tariff Duty Amount", "TWO THOUSAND"),
                    tuple("8", "Drawback Flag", "MAYBE"), tuple("9", "Entry Summary Number", "XMP00010396"),
                    tuple("10", "Importer Number", ""), tuple("11", "HTS Number - Full", ""),
                    tuple("12", "Entry Summary Date", ""));
        // line 12 ends after its Entry Date: a short row, rejected as such (issue 7 item
        // 1)
        assertThat(rejected).filteredOn(r -> r.get("line").equals("12"))
            .singleElement()
            .satisfies(r -> assertThat(r.get("message")).isEqualTo("row has 6 of the header's 12 fields (cut off?): "
                    + "missing Entry Summary Date, Payment Date, HTS Number - Full, Line Tariff Duty Amount, "
                    + "Liquidation Status, Drawback Flag"));
        assertThat(rejected).filteredOn(r -> r.get("line").equals("9"))
            .singleElement()
            .satisfies(r -> assertThat(r.get("message")).containsIgnoringCase("check digit"));
        assertThat(rejected).filteredOn(r -> r.get("line").equals("10"))
            .singleElement()
            .satisfies(r -> assertThat(r.get("message")).isEqualTo("required value is blank"));
        assertThat(rejected).extracting(r -> r.get("line")).doesNotContain("2", "3", "5", "7", "13", "14");

        Map<String, Map<String, String>> assessments = out.assessments();
        assertThat(assessments.keySet()).containsExactly("XMP00010221", "XMP00010239", "XMP00010247", "XMP00010254",
                "XMP00010262", "XMP00010270", "XMP00010288");
        assertThat(assessments.get("XMP00010221")).containsEntry("status", "ELIGIBLE")
            .containsEntry("ieepa_duty", "2000.00");
        assessments.values()
            .stream()
            .filter(a -> !a.get("entry_number").equals("XMP00010221"))
            .forEach(a -> assertThat(a).as(a.get("entry_number"))
                .containsEntry("status", "EXCLUDED")
                .containsEntry("reason", "DATA_ERROR")
                .containsEntry("reasons", "DATA_ERROR")
                .containsEntry("remedy", "FIX_DATA")
                .containsEntry("ieepa_duty", "0.00")
                .containsEntry("refund_total", "0.00")
                .containsEntry("declaration", ""));
        var counts = out.manifest().get("counts");
        assertThat(counts.get("rows_read").asLong()).isEqualTo(11);
        assertThat(counts.get("rows_rejected").asLong()).isEqualTo(7);
        assertThat(counts.get("entries").asLong()).isEqualTo(7);
        assertThat(counts.get("eligible").asLong()).isEqualTo(1);
    }

    @Test
    void run_WhenFileLacksRequiredColumn_ThenFailedBeforeStagingWithFileAndColumnNamed() throws Exception {
        // when
        JobExecution execution = run(fixture("missing-entry-date.csv"), RUN_DATE);

        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(count("SELECT count(*) FROM cape_staged_fragment")).isZero();
        assertThat(count("SELECT count(*) FROM cape_rejected_row")).isZero();
        assertThat(execution.getStepExecutions()).extracting(s -> s.getStepName()).containsExactly("inputCheckStep");
        assertThat(execution.getAllFailureExceptions()).isNotEmpty()
            .allSatisfy(e -> assertThat(e.getMessage()).contains("missing-entry-date.csv").contains("Entry Date"));
        assertThat(outputDir).doesNotExist();
    }

    @Test
    void run_WhenXlsxInput_ThenSameAssessmentsAsEquivalentCsv() throws Exception {
        // given
        Path csv = fixture("xlsx-equivalent.csv");
        Path xlsx = tempDir.resolve("xlsx-equivalent.xlsx");
        writeWorkbook(InputRows.of(csv), List.of(Files.readAllLines(csv).get(0).split(",")), xlsx);
        assertThat(run(csv, RUN_DATE).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        byte[] fromCsv = Files.readAllBytes(outputDir.resolve(RunOutput.ASSESSMENTS));
        truncateAll();
        outputDir = tempDir.resolve("out-xlsx");
        properties.setOutputDir(outputDir);

        // when
        JobExecution execution = run(xlsx, RUN_DATE);

        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        RunOutput out = new RunOutput(outputDir);
        assertThat(out.rejected()).isEmpty();
        assertThat(new String(Files.readAllBytes(outputDir.resolve(RunOutput.ASSESSMENTS))))
            .isEqualTo(new String(fromCsv));
        Map<String, Map<String, String>> assessments = out.assessments();
        assertThat(assessments).hasSize(5);
        assertThat(assessments.get("11202788714")).containsEntry("status", "ELIGIBLE")
            .containsEntry("entry_type", "01")
            .containsEntry("ieepa_duty", "1234.66")
            .containsEntry("deadline", "2026-12-06");
        assertThat(assessments.get("XMP00010239")).containsEntry("rate_type", "NON_CORPORATE")
            .containsEntry("ieepa_duty", "815.07");
        assertThat(assessments.get("XMP00010247")).containsEntry("reason", "LIQUIDATION_WINDOW_PASSED");
        assertThat(assessments.get("XMP00010254")).containsEntry("reason", "NO_IEEPA_DUTY");
        assertThat(out.manifest().get("counts").get("rows_read").asLong()).isEqualTo(7);
        RunChecks.assertDeclarations(out, RUN_DATE, assessments);
    }

    @Test
    void run_WhenDirectoryInput_ThenFilesInNameOrderAndDuplicateAcrossFilesDropped() throws Exception {
        // given: two pulls that overlap on one row; an entry split across them; a text
        // file to ignore
        Path directory = fixture("directory-input");
        assertThat(directory.resolve("notes.txt")).exists();

        // when
        JobExecution execution = run(directory, RUN_DATE);

        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForList("SELECT source_file FROM cape_input_file ORDER BY file_index", String.class))
            .containsExactly("2025-12-pull.csv", "2026-01-pull.csv");
        RunOutput out = new RunOutput(outputDir);
        RunChecks.assertConsistent(out, RUN_DATE, List.of(InputRows.of(directory.resolve("2025-12-pull.csv")),
                InputRows.of(directory.resolve("2026-01-pull.csv"))), usedRows(execution));
        assertThat(out.rejected()).singleElement()
            .satisfies(r -> assertThat(r).containsEntry("source_file", "2026-01-pull.csv")
                .containsEntry("line", "2")
                .containsEntry("message", "duplicate row"));
        Map<String, Map<String, String>> assessments = out.assessments();
        assertThat(assessments.keySet()).containsExactly("XMP00010221", "XMP00010247", "XMP00010262");
        assertThat(assessments.get("XMP00010221")).containsEntry("status", "ELIGIBLE")
            .containsEntry("ieepa_duty", "3000.00");
        assertThat(assessments.get("XMP00010247")).containsEntry("status", "ELIGIBLE")
            .containsEntry("ieepa_duty", "1500.25");
        assertThat(out.manifest().get("counts").get("rows_read").asLong()).isEqualTo(7);
        assertThat(out.manifest().get("counts").get("rows_rejected").asLong()).isEqualTo(1);
    }

    /**
     * The same rows as an Excel user would have them: dates and amounts as numeric cells
     * with formats, line numbers as numbers, an all-digit entry number and a type code
     * {@code 1} as numbers, all other text as shared strings; blank values as missing
     * cells.
     */
    private static void writeWorkbook(InputRows rows, List<String> header, Path target) throws Exception {
        DateTimeFormatter mdy = DateTimeFormatter.ofPattern("MM/dd/yyyy");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(target)) {
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.createDataFormat().getFormat("m/d/yyyy"));
            CellStyle moneyStyle = workbook.createCellStyle();
            moneyStyle.setDataFormat(workbook.createDataFormat().getFormat("\"$\"#,##0.00"));
            XSSFSheet sheet = workbook.createSheet("ES-003");
            Row headerRow = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                headerRow.createCell(c).setCellValue(header.get(c));
            }
            int r = 1;
            for (InputRows.Row row : rows.rows()) {
                Row sheetRow = sheet.createRow(r++);
                for (int c = 0; c < header.size(); c++) {
                    String column = header.get(c);
                    String value = row.cells().get(c);
                    if (value.isEmpty()) {
                        continue;
                    }
                    Cell cell = sheetRow.createCell(c);
                    if (column.endsWith("Date")) {
                        cell.setCellValue(DateUtil.getExcelDate(LocalDate.parse(value, mdy)));
                        cell.setCellStyle(dateStyle);
                    }
                    else if (column.equals("Line Tariff Duty Amount") && !value.equals("FREE")) {
                        cell.setCellValue(new BigDecimal(value.replace("$", "").replace(",", "")).doubleValue());
                        cell.setCellStyle(moneyStyle);
                    }
                    else if (column.endsWith("Line Number") || column.equals("Tariff Ordinal Number")
                            || value.matches("\\d+") && !value.startsWith("0") && !column.contains("HTS")) {
                        cell.setCellValue(Double.parseDouble(value));
                    }
                    else {
                        cell.setCellValue(value);
                    }
                }
            }
            workbook.write(out);
        }
        assertThat(rows.rows()).hasSize(7);
    }

}
