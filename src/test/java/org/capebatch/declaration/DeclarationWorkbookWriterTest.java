package org.capebatch.declaration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.capebatch.entry.ImporterType;
import org.capebatch.rules.Assessment;
import org.capebatch.rules.AssessmentStatus;
import org.capebatch.rules.Reason;
import org.capebatch.rules.Remedy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeclarationWorkbookWriterTest {

    static final LocalDate RUN_DATE = LocalDate.of(2026, 3, 1);
    static final String NAME = "CAPE_123456789AB_20260301_001.csv";

    static Assessment eligible(String entry, String duty, String interest, LocalDate deadline, boolean urgent) {
        BigDecimal d = new BigDecimal(duty);
        BigDecimal i = new BigDecimal(interest);
        return new Assessment(entry, "123-45-6789", "01", AssessmentStatus.ELIGIBLE, null, List.of(), Remedy.FILE_CAPE,
                deadline, urgent, false, d, i, d.add(i), ImporterType.NON_CORPORATE, false);
    }

    static final List<Assessment> ENTRIES = List.of(
            eligible("00112345678", "1234.56", "10.01", LocalDate.of(2026, 3, 10), true),
            eligible("ABC12345676", "100.00", "0.99", null, false));

    @TempDir
    Path dir;

    @Test
    void write_WhenEntries_ThenFirstSheetIsCbpTemplateWithTextCells() throws IOException {
        Path target = dir.resolve("CAPE_123456789AB_20260301_001.xlsx");

        long rows = DeclarationWorkbookWriter.write(target, NAME, RUN_DATE, ENTRIES);

        assertThat(rows).isEqualTo(2);
        assertThat(Files.list(dir)).containsExactly(target);
        try (XSSFWorkbook wb = open(target)) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(3);
            assertThat(List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2)))
                    .containsExactly("Entry Numbers", "Detail", "Summary");
            Sheet numbers = wb.getSheetAt(0);
            assertThat(numbers.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Entry Number");
            assertThat(numbers.getLastRowNum()).isEqualTo(2);
            assertThat(numbers.getRow(0).getLastCellNum()).isEqualTo((short) 1);
            for (int r = 1; r <= 2; r++) {
                Cell cell = numbers.getRow(r).getCell(0);
                assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
                assertThat(cell.getStringCellValue()).isEqualTo(ENTRIES.get(r - 1).entryNumber());
            }
        }
    }

    @Test
    void write_WhenEntries_ThenDetailRowsTyped() throws IOException {
        Path target = dir.resolve("d.xlsx");

        DeclarationWorkbookWriter.write(target, NAME, RUN_DATE, ENTRIES);

        try (XSSFWorkbook wb = open(target)) {
            Sheet detail = wb.getSheet("Detail");
            assertThat(texts(detail.getRow(0))).containsExactly("Entry Number", "Importer", "Entry Type",
                    "IEEPA Duty", "Interest", "Refund Total", "Rate Type", "Rate Assumed", "Refund Deferred",
                    "Deadline", "Urgent");
            Row first = detail.getRow(1);
            assertThat(texts(first)).containsExactly("00112345678", "***-**-6789", "01", "1,234.56", "10.01",
                    "1,244.57", "NON_CORPORATE", "N", "N", "2026-03-10", "Y");
            assertThat(first.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(first.getCell(3).getNumericCellValue()).isEqualTo(1234.56);
            assertThat(first.getCell(5).getNumericCellValue()).isEqualTo(1244.57);
            assertThat(first.getCell(9).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 3, 10));
            assertThat(detail.getRow(2).getCell(9)).isNull();
        }
    }

    @Test
    void write_WhenEntries_ThenSummaryTotals() throws IOException {
        Path target = dir.resolve("d.xlsx");

        DeclarationWorkbookWriter.write(target, NAME, RUN_DATE, ENTRIES);

        try (XSSFWorkbook wb = open(target)) {
            Sheet summary = wb.getSheet("Summary");
            assertThat(summary.getRow(0).getCell(1).getStringCellValue()).isEqualTo(NAME);
            assertThat(summary.getRow(1).getCell(1).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(RUN_DATE);
            assertThat(summary.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(2);
            assertThat(summary.getRow(3).getCell(1).getNumericCellValue()).isEqualTo(1334.56);
            assertThat(summary.getRow(4).getCell(1).getNumericCellValue()).isEqualTo(11.00);
            assertThat(summary.getRow(5).getCell(1).getNumericCellValue()).isEqualTo(1345.56);
        }
    }

    @Test
    void write_WhenWrittenTwice_ThenSameBytes() throws IOException {
        DeclarationWorkbookWriter.write(dir.resolve("a.xlsx"), NAME, RUN_DATE, ENTRIES);
        DeclarationWorkbookWriter.write(dir.resolve("b.xlsx"), NAME, RUN_DATE, ENTRIES);

        assertThat(Files.readAllBytes(dir.resolve("b.xlsx"))).isEqualTo(Files.readAllBytes(dir.resolve("a.xlsx")));
    }

    @Test
    void write_WhenOldFileExists_ThenReplaced() throws IOException {
        Path target = dir.resolve("d.xlsx");
        Files.writeString(target, "not a workbook");

        DeclarationWorkbookWriter.write(target, NAME, RUN_DATE, ENTRIES);

        try (XSSFWorkbook wb = open(target)) {
            assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(2);
        }
    }

    @Test
    void write_WhenExcludedOrUnsortedEntry_ThenRefusedAndNothingPublished() {
        Assessment excluded = new Assessment("ABC12345684", "1", "01", AssessmentStatus.EXCLUDED,
                Reason.SURETY_PAID, List.of(Reason.SURETY_PAID), Remedy.NONE, null, false, false, BigDecimal.TEN,
                BigDecimal.ZERO, BigDecimal.ZERO, ImporterType.CORPORATE, false);
        Path target = dir.resolve("d.xlsx");

        assertThatThrownBy(() -> DeclarationWorkbookWriter.write(target, NAME, RUN_DATE, List.of(excluded)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eligible");
        assertThatThrownBy(() -> DeclarationWorkbookWriter.write(target, NAME, RUN_DATE, List.of(ENTRIES.get(1), ENTRIES.get(0))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ascending");
        assertThat(dir).isEmptyDirectory();
    }

    private static List<String> texts(Row row) {
        DataFormatter formatter = new DataFormatter();
        List<String> values = new java.util.ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            values.add(formatter.formatCellValue(row.getCell(c)));
        }
        return values;
    }

    private static XSSFWorkbook open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }
}
