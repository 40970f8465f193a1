package org.capebatch.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.capebatch.source.CsvRawRowReaderTest.readAll;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class XlsxRawRowReaderTest {

    private static final List<String> HEADER = List.of("Entry Summary Number", "Entry Date", "Importer Number",
            "Line Tariff Duty Amount", "Drawback Flag", "Note");

    @TempDir
    Path tmp;

    /**
     * The ES-003 fixture workbook: typed cells, a sparse row, empty rows, and a second
     * sheet that must be ignored.
     */
    private Path writeFixture(Workbook workbook, String name) throws IOException {
        CellStyle builtinDate = workbook.createCellStyle();
        builtinDate.setDataFormat((short) 14); // m/d/yy, Excel's built-in short date
        CellStyle customDate = workbook.createCellStyle();
        customDate.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
        CellStyle money = workbook.createCellStyle();
        money.setDataFormat(workbook.createDataFormat().getFormat("\"$\"#,##0.00"));

        Sheet sheet = workbook.createSheet("ES-003");
        Row header = sheet.createRow(0);
        for (int i = 0; i < HEADER.size(); i++) {
            header.createCell(i).setCellValue(HEADER.get(i));
        }
        Row full = sheet.createRow(1);
        full.createCell(0).setCellValue("ABC12345676");
        full.createCell(1).setCellValue(LocalDate.of(2025, 3, 15));
        full.getCell(1).setCellStyle(builtinDate);
        full.createCell(2).setCellValue(12345678903d);
        full.createCell(3).setCellValue(1250.5);
        full.getCell(3).setCellStyle(money);
        full.createCell(4).setCellValue(true);
        full.createCell(5).setCellValue("=\"0123\"");
        // row 3 (index 2) left out entirely; row 4 exists with a styled blank cell only
        sheet.createRow(3).createCell(2).setCellStyle(money);
        Row sparse = sheet.createRow(4);
        sparse.createCell(0).setCellValue("12345678903");
        sparse.createCell(3).setCellValue(1250.0);
        Row more = sheet.createRow(5);
        more.createCell(0).setCellValue(" SZ9-0000001-8 ");
        more.createCell(1).setCellValue(LocalDate.of(2026, 2, 23));
        more.getCell(1).setCellStyle(customDate);
        more.createCell(2).setCellValue(0.1 + 0.2);
        more.createCell(3).setCellFormula("D2*2");
        more.createCell(4).setCellValue(false);
        more.createCell(5).setCellFormula("\"A\"&\"B\"");
        Row big = sheet.createRow(6);
        big.createCell(3).setCellValue(1e20);
        big.createCell(5).setCellValue(-0.5);
        workbook.getCreationHelper().createFormulaEvaluator().evaluateAll(); // store
                                                                             // cached
                                                                             // results

        Sheet second = workbook.createSheet("Other");
        second.createRow(0).createCell(0).setCellValue("not read");

        Path file = tmp.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
        workbook.close();
        return file;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "shared strings (XSSF)", "inline strings (SXSSF)", "1904 date system" })
    void read_WhenTypedSparseAndEmptyRows_ThenTextCellsAtTheirColumnsAndRowNumbers(String kind) throws IOException {
        // given
        Workbook workbook = switch (kind) {
            case "inline strings (SXSSF)" -> new SXSSFWorkbook();
            case "1904 date system" -> {
                XSSFWorkbook wb = new XSSFWorkbook();
                var ct = wb.getCTWorkbook();
                (ct.isSetWorkbookPr() ? ct.getWorkbookPr() : ct.addNewWorkbookPr()).setDate1904(true);
                yield wb;
            }
            default -> new XSSFWorkbook();
        };
        Path file = writeFixture(workbook, "es003.xlsx");

        // when
        try (RawRowReader reader = new XlsxRawRowReader(file)) {
            List<RawRow> rows = readAll(reader);

            // then
            assertThat(reader.header()).isEqualTo(HEADER);
            assertThat(rows).extracting(RawRow::line).containsExactly(2L, 5L, 6L, 7L);
            assertThat(rows.get(0).cells()).containsExactly("ABC12345676", "2025-03-15", "12345678903", "1250.5",
                    "TRUE", "=\"0123\"");
            assertThat(rows.get(1).cells()).containsExactly("12345678903", "", "", "1250", "", "");
            assertThat(rows.get(2).cells()).containsExactly(" SZ9-0000001-8 ", "2026-02-23", "0.3", "2501", "FALSE",
                    "AB");
            assertThat(rows.get(3).cells()).containsExactly("", "", "", "100000000000000000000", "", "-0.5");
            assertThat(reader.linesConsumed()).isEqualTo(7);
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void read_WhenHeaderAfterEmptyRows_ThenFirstNonEmptyRowIsHeader() throws IOException {
        Path file = tmp.resolve("late-header.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet();
            sheet.createRow(2).createCell(1).setCellValue("Entry Summary Number");
            sheet.createRow(3).createCell(1).setCellValue("ABC12345676");
            workbook.write(out);
        }

        try (RawRowReader reader = new XlsxRawRowReader(file)) {
            assertThat(reader.header()).containsExactly("", "Entry Summary Number");
            RawRow row = reader.next();
            assertThat(row.line()).isEqualTo(4);
            assertThat(row.cells()).containsExactly("", "ABC12345676");
        }
    }

    @Test
    void open_WhenNotAWorkbook_ThenErrorNamesFile() throws IOException {
        Path file = tmp.resolve("fake.xlsx");
        Files.writeString(file, "Entry Summary Number\nABC12345676\n");

        assertThatThrownBy(() -> new XlsxRawRowReader(file)).isInstanceOf(MalformedSourceException.class)
            .hasMessageStartingWith("fake.xlsx: not a readable XLSX workbook");
    }

    @Test
    void read_WhenFirstSheetHidden_ThenFirstVisibleSheetRead() {
        try (XlsxRawRowReader reader = new XlsxRawRowReader(CsvRawRowReaderTest.fixture("hidden-first-sheet.xlsx"))) {
            assertThat(reader.sheetName()).isEqualTo("ES-003");
            List<RawRow> rows = readAll(reader);

            assertThat(rows).singleElement()
                .satisfies(row -> assertThat(row.cells()).containsExactly("ABC12345676", "01", "12-345678900",
                        "06/16/2025", "9903.01.25", "$2,000.00"));
        }
    }

    @Test
    void open_WhenEverySheetHidden_ThenErrorNamesFileAndSaysSo() {
        assertThatThrownBy(() -> new XlsxRawRowReader(CsvRawRowReaderTest.fixture("all-sheets-hidden.xlsx")))
            .isInstanceOf(MalformedSourceException.class)
            .hasMessage("all-sheets-hidden.xlsx: every sheet of the workbook is hidden; unhide the ES-003 sheet");
    }

    @Test
    void read_WhenCellReferenceBeyondXfd_ThenErrorNamesFileRowAndCellWithoutFillingMemory() {
        try (XlsxRawRowReader reader = new XlsxRawRowReader(CsvRawRowReaderTest.fixture("cell-beyond-xfd.xlsx"))) {
            assertThatThrownBy(reader::next).isInstanceOf(MalformedSourceException.class)
                .hasMessage("cell-beyond-xfd.xlsx line 2: cell reference ZZZZZZ2 is beyond Excel's last column"
                        + " XFD: the workbook is damaged");
        }
    }

    @Test
    void open_WhenFirstSheetEmpty_ThenErrorNamesFile() throws IOException {
        Path file = tmp.resolve("blank.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            workbook.createSheet();
            workbook.write(out);
        }

        assertThatThrownBy(() -> new XlsxRawRowReader(file)).isInstanceOf(MalformedSourceException.class)
            .hasMessageContaining("blank.xlsx");
    }

    @Test
    void read_When100kRows_ThenStreamedWithFlatMemory() throws IOException {
        // given: a workbook written by SXSSF (itself streaming), 100k rows of 6 cells
        Path file = tmp.resolve("big.xlsx");
        int rows = 100_000;
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet();
            for (int r = 0; r <= rows; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < HEADER.size(); c++) {
                    if (r == 0) {
                        row.createCell(c).setCellValue(HEADER.get(c));
                    }
                    else if (c % 2 == 0) {
                        row.createCell(c).setCellValue("row " + r + " a text cell of some forty characters " + c);
                    }
                    else {
                        row.createCell(c).setCellValue(r * 1000.25 + c);
                    }
                }
            }
            workbook.write(out);
        }
        long retainedBefore = CsvRawRowReaderTest.retainedHeap();

        // when
        try (RawRowReader reader = RawRowReaders.open(file)) {
            long count = 0;
            RawRow last = null;
            for (RawRow row = reader.next(); row != null; row = reader.next()) {
                count++;
                last = row;
            }
            long retainedWhileOpen = CsvRawRowReaderTest.retainedHeap() - retainedBefore;

            // then
            assertThat(count).isEqualTo(rows);
            assertThat(last.line()).isEqualTo(rows + 1L);
            assertThat(last.cell(1)).isEqualTo("100025001");
            assertThat(retainedWhileOpen).isLessThan(16L * 1024 * 1024);
        }
    }

    @ParameterizedTest
    @CsvSource({ "2, C", "0, A", "25, Z", "26, AA", "27, AB", "701, ZZ", "702, AAA" })
    void columnIndex_WhenCellReference_ThenZeroBasedColumn(int expected, String letters) {
        assertThat(XlsxRawRowReader.columnIndex(letters + "17")).isEqualTo(expected);
    }

}
