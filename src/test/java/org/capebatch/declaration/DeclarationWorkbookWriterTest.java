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
import org.apache.poi.xssf.usermodel.XSSFSheet;
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
            assertThat(texts(detail.getRow(0))).containsExactly("Entry Number", "Importer", "Entry Type", "IEEPA Duty",
                    "Interest", "Refund Total", "Rate Type", "Rate Assumed", "Refund Deferred", "Deadline", "Urgent");
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
    void write_WhenEntries_ThenHeadersFrozenDetailFilteredAndCreatorCapeBatch() throws IOException {
        Path target = dir.resolve("f.xlsx");

        DeclarationWorkbookWriter.write(target, NAME, RUN_DATE, ENTRIES);

        try (XSSFWorkbook wb = open(target)) {
            XSSFSheet numbers = wb.getSheet("Entry Numbers");
            XSSFSheet detail = wb.getSheet("Detail");
            for (XSSFSheet sheet : List.of(numbers, detail)) {
                assertThat(sheet.getPaneInformation().isFreezePane()).as(sheet.getSheetName()).isTrue();
                assertThat(sheet.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 1);
                assertThat(sheet.getPaneInformation().getVerticalSplitLeftColumn()).isEqualTo((short) 0);
            }
            assertThat(detail.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:K10000");
            assertThat(numbers.getCTWorksheet().isSetAutoFilter()).isFalse();
            assertThat(numbers.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Entry Number");
            assertThat(numbers.getRow(1).getCell(0).getStringCellValue()).isEqualTo("00112345678");
            assertThat(wb.getProperties().getCoreProperties().getCreator()).isEqualTo("cape-batch");
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
        Assessment excluded = new Assessment("ABC12345684", "1", "01", AssessmentStatus.EXCLUDED, Reason.SURETY_PAID,
                List.of(Reason.SURETY_PAID), Remedy.NONE, null, false, false, BigDecimal.TEN, BigDecimal.ZERO,
                BigDecimal.ZERO, ImporterType.CORPORATE, false);
        Path target = dir.resolve("d.xlsx");

        assertThatThrownBy(() -> DeclarationWorkbookWriter.write(target, NAME, RUN_DATE, List.of(excluded)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("eligible");
        assertThatThrownBy(
                () -> DeclarationWorkbookWriter.write(target, NAME, RUN_DATE, List.of(ENTRIES.get(1), ENTRIES.get(0))))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("ascending");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void write_WhenAnyEntries_ThenSameBytesAsPoiCellByCell() throws IOException {
        // The template writer must produce exactly what POI's streaming workbook writes
        // for the same cells
        // (manifest.json hashes stay as before): random amounts, blanks, masked and odd
        // importer numbers, the row
        // window of 200 crossed, a single entry, a different run date (new layout), and
        // the 9,999 maximum.
        java.util.Random random = new java.util.Random(20261130);
        List<List<Assessment>> cases = new java.util.ArrayList<>();
        cases.add(ENTRIES);
        cases.add(List.of(ENTRIES.get(1)));
        cases.add(List.of());
        cases.add(randomEntries(random, 450));
        cases.add(randomEntries(random, DeclarationCsvWriter.MAX_ENTRIES));
        for (LocalDate runDate : List.of(RUN_DATE, LocalDate.of(2026, 11, 30))) {
            for (List<Assessment> entries : cases) {
                java.io.ByteArrayOutputStream template = new java.io.ByteArrayOutputStream();
                java.io.ByteArrayOutputStream poi = new java.io.ByteArrayOutputStream();

                long rows = DeclarationWorkbookWriter.write(template, NAME, runDate, entries);
                DeclarationWorkbookWriter.writeWithPoi(poi, NAME, runDate, entries, styles -> {
                });

                assertThat(rows).isEqualTo(entries.size());
                assertThat(zipEntries(template.toByteArray())).as("%d entries, run date %s", entries.size(), runDate)
                    .isEqualTo(zipEntries(poi.toByteArray()));
                assertThat(template.toByteArray()).as("%d entries, run date %s", entries.size(), runDate)
                    .isEqualTo(poi.toByteArray());
            }
        }
    }

    private static java.util.Map<String, String> zipEntries(byte[] xlsx) throws IOException {
        java.util.Map<String, String> entries = new java.util.LinkedHashMap<>();
        try (org.apache.commons.compress.archivers.zip.ZipArchiveInputStream zip = new org.apache.commons.compress.archivers.zip.ZipArchiveInputStream(
                new java.io.ByteArrayInputStream(xlsx))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    private static List<Assessment> randomEntries(java.util.Random random, int count) {
        String[] importers = { "123-45-6789", "12-3456789AB", " 98-7654321 ", "A&B <\"Imports\">\tLtd",
                "Zoë Ünïcode 𝄞", "ctrl\u0001char", null };
        List<Assessment> entries = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            BigDecimal duty = BigDecimal.valueOf(random.nextInt(2_000_000_000), 2);
            BigDecimal interest = BigDecimal.valueOf(random.nextInt(100_000), 2);
            LocalDate deadline = random.nextInt(4) == 0 ? null : LocalDate.of(2026, 1, 1).plusDays(random.nextInt(400));
            ImporterType rate = random.nextInt(5) == 0 ? null : ImporterType.values()[random.nextInt(2)];
            entries.add(new Assessment(String.format("AB1%08d", 10_000_000 + i * 3),
                    importers[random.nextInt(importers.length)],
                    random.nextInt(6) == 0 ? null : "0" + (1 + random.nextInt(9)), AssessmentStatus.ELIGIBLE, null,
                    List.of(), Remedy.FILE_CAPE, deadline, random.nextBoolean(), random.nextBoolean(), duty, interest,
                    duty.add(interest), rate, random.nextBoolean()));
        }
        return entries;
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
