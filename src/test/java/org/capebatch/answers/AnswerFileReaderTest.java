package org.capebatch.answers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.capebatch.source.RawRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kind detection and header search of answers files (SPEC §6.1, §6.2, §6.4), on real
 * files.
 */
class AnswerFileReaderTest {

    @TempDir
    Path tempDir;

    @Test
    void open_WhenEs022CsvHasTitleRowsAboveHeader_ThenHeaderFoundAndValuesUnwrapped() {
        try (AnswerFileReader reader = AnswerFileReader.open(fixture("es022-title-rows.csv"), ImportKind.RESULTS)) {
            assertThat(reader.header().kind()).isEqualTo(AnswerKind.ES022);
            RawRow raw = reader.next();
            AnswerRow row = AnswerRowParser.parse(reader.header(), raw.line(), raw.cells());
            assertThat(raw.line()).isEqualTo(5);
            assertThat(row.entryNumber()).isEqualTo("ABC12345676");
            assertThat(row.claimNumber()).isEqualTo("100000241223");
            assertThat(row.refundAmount()).isEqualByComparingTo("1000.00");
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void open_WhenXlsxHasMainReportSheetAfterParameters_ThenMainReportIsRead() throws Exception {
        Path file = tempDir.resolve("ES-022.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            workbook.createSheet("Parameters").createRow(0).createCell(0).setCellValue("Entry Summary Number");
            Sheet main = workbook.createSheet("Main Report");
            main.createRow(0).createCell(0).setCellValue("CAPE Entry Summary Report");
            Row header = main.createRow(2);
            header.createCell(0).setCellValue("Claim Number");
            header.createCell(1).setCellValue("Entry Summary Number");
            Row data = main.createRow(3);
            data.createCell(0).setCellValue(100000241223d);
            data.createCell(1).setCellValue("ABC12345676");
            workbook.write(out);
        }

        try (AnswerFileReader reader = AnswerFileReader.open(file, ImportKind.RESULTS)) {
            RawRow raw = reader.next();
            AnswerRow row = AnswerRowParser.parse(reader.header(), raw.line(), raw.cells());
            assertThat(row.rejected()).as(row.rejectMessage()).isFalse();
            assertThat(row.claimNumber()).isEqualTo("100000241223");
            assertThat(raw.line()).isEqualTo(4);
        }
    }

    @Test
    void open_WhenFileEmpty_ThenRefusedNamingFile() {
        assertThatThrownBy(() -> AnswerFileReader.open(fixture("empty.csv"), ImportKind.RESULTS))
            .isInstanceOf(UnreadableAnswerFileException.class)
            .hasMessageStartingWith("empty.csv: ")
            .hasMessageContaining("empty");
    }

    @Test
    void open_WhenHeaderOfNoKind_ThenRefusedNamingFileAndWhatWasExpected() {
        assertThatThrownBy(() -> AnswerFileReader.open(fixture("unknown-kind.csv"), ImportKind.RESULTS))
            .isInstanceOf(UnreadableAnswerFileException.class)
            .hasMessageStartingWith("unknown-kind.csv: ")
            .hasMessageContaining("Claim Details");
    }

    @Test
    void open_WhenDeclarationCsv_ThenAReleaseListButNotResults() {
        try (AnswerFileReader reader = AnswerFileReader.open(fixture("declaration.csv"), ImportKind.RELEASE)) {
            assertThat(reader.header().kind()).isEqualTo(AnswerKind.RELEASE);
        }
        assertThatThrownBy(() -> AnswerFileReader.open(fixture("declaration.csv"), ImportKind.RESULTS))
            .isInstanceOf(UnreadableAnswerFileException.class);
    }

    @Test
    void open_WhenNotCsvOrXlsx_ThenRefusedNamingFile() throws Exception {
        Path pdf = Files.writeString(tempDir.resolve("claims.pdf"), "%PDF-1.4");

        assertThatThrownBy(() -> AnswerFileReader.open(pdf, ImportKind.RESULTS))
            .hasMessage("claims.pdf: not a .csv or .xlsx file");
    }

    static Path fixture(String name) {
        try {
            return Path.of(AnswerFileReaderTest.class.getResource("/fixtures/answers/" + name).toURI());
        }
        catch (Exception e) {
            throw new IllegalStateException("fixture not found: " + name, e);
        }
    }

}
