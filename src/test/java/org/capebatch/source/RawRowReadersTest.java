package org.capebatch.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawRowReadersTest {

    @TempDir
    Path tmp;

    @Test
    void open_WhenUpperCaseExtensions_ThenReaderByFormat() throws IOException {
        Path csv = Files.writeString(tmp.resolve("EXPORT.CSV"), "a,b\r\n1,2\r\n");
        Path xlsx = tmp.resolve("Export.XLSX");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
            workbook.createSheet().createRow(0).createCell(0).setCellValue("a");
            workbook.write(out);
        }

        try (RawRowReader reader = RawRowReaders.open(csv)) {
            assertThat(reader).isInstanceOf(CsvRawRowReader.class);
            assertThat(reader.next().cells()).containsExactly("1", "2");
        }
        try (RawRowReader reader = RawRowReaders.open(xlsx)) {
            assertThat(reader).isInstanceOf(XlsxRawRowReader.class);
            assertThat(reader.header()).containsExactly("a");
        }
    }

    @Test
    void open_WhenOtherExtension_ThenErrorNamesFile() throws IOException {
        Path txt = Files.writeString(tmp.resolve("export.txt"), "a,b\n");

        assertThatThrownBy(() -> RawRowReaders.open(txt)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("export.txt");
    }

    @Test
    void inputFiles_WhenDirectory_ThenCsvAndXlsxInNameOrder() throws IOException {
        for (String name : new String[] { "b.xlsx", "a.csv", "C.CSV", "notes.txt", "~$b.xlsx", ".hidden.csv" }) {
            Files.writeString(tmp.resolve(name), "x");
        }
        Files.createDirectory(tmp.resolve("d.csv"));

        assertThat(RawRowReaders.inputFiles(tmp)).extracting(path -> path.getFileName().toString())
            .containsExactly("C.CSV", "a.csv", "b.xlsx");
    }

    @Test
    void inputFiles_WhenSingleFile_ThenThatFile() throws IOException {
        Path file = Files.writeString(tmp.resolve("one.csv"), "x");

        assertThat(RawRowReaders.inputFiles(file)).containsExactly(file);
    }

    @Test
    void inputFiles_WhenDirectoryWithoutInputs_ThenErrorNamesDirectory() throws IOException {
        Files.writeString(tmp.resolve("notes.txt"), "x");

        assertThatThrownBy(() -> RawRowReaders.inputFiles(tmp)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(tmp.toString());
    }

    @Test
    void inputFiles_WhenMissing_ThenErrorNamesPath() {
        Path missing = tmp.resolve("nowhere.csv");

        assertThatThrownBy(() -> RawRowReaders.inputFiles(missing)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("nowhere.csv");
    }

}
