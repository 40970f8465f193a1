package org.capebatch.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvRawRowReaderTest {

    @TempDir
    Path tmp;

    static Path fixture(String name) {
        try {
            return Path.of(CsvRawRowReaderTest.class.getResource("/fixtures/source/" + name).toURI());
        }
        catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<RawRow> readAll(RawRowReader reader) {
        List<RawRow> rows = new ArrayList<>();
        for (RawRow row = reader.next(); row != null; row = reader.next()) {
            rows.add(row);
        }
        return rows;
    }

    @ParameterizedTest
    @CsvSource({ "utf8-bom.csv,       UTF-8,        Société Générale",
            "utf8-no-bom.csv,    UTF-8,        Société Générale",
            "windows-1252.csv,   windows-1252, Société Générale – Zürich", })
    void read_WhenEncoding_ThenDetectedAndDecoded(String file, String charset, String filerName) {
        try (CsvRawRowReader reader = new CsvRawRowReader(fixture(file))) {
            assertThat(reader.charset().name()).isEqualTo(charset);
            // no BOM left in the first header cell
            assertThat(reader.header()).containsExactly("Entry Summary Number", "Importer Number",
                    "Line Tariff Duty Amount", "Filer Name");
            RawRow row = reader.next();
            assertThat(row.line()).isEqualTo(2);
            assertThat(row.cell(0)).isEqualTo("ABC12345676");
            assertThat(row.cell(3)).isEqualTo(filerName);
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void read_WhenUtf8BomAndQuotedMoney_ThenCommaKeptInsideCell() {
        try (RawRowReader reader = new CsvRawRowReader(fixture("utf8-bom.csv"))) {
            assertThat(reader.next().cell(2)).isEqualTo("$1,234.56");
        }
    }

    @Test
    void read_WhenCrlfQuotedNewlinesAndBlankLines_ThenCellsAsWrittenAndPhysicalLineNumbers() {
        try (RawRowReader reader = new CsvRawRowReader(fixture("crlf-quoted.csv"))) {
            List<RawRow> rows = readAll(reader);

            assertThat(rows).extracting(RawRow::line).containsExactly(2L, 4L, 8L);
            assertThat(rows.get(0).cells()).containsExactly("=\"ABC12345676\"", "9903.01.25", "$1,234.56", "plain");
            // Excel's ="..." text trick is delivered untouched, whether quoted or not
            // (unwrapping is the parser's job)
            assertThat(rows.get(1).cells()).containsExactly("=\"12345678903\"", "8471300100", "FREE",
                    "two\r\nlines, with comma");
            assertThat(rows.get(2).cells()).containsExactly("ABC12345676", "99030125", "($5.00)", "say \"hi\"");
            assertThat(reader.linesConsumed()).isEqualTo(9);
        }
    }

    @Test
    void read_WhenLfAndNoFinalNewline_ThenLastRecordReadWithItsLine() {
        try (RawRowReader reader = new CsvRawRowReader(fixture("lf-no-final-newline.csv"))) {
            assertThat(reader.header()).containsExactly("a", "b");
            List<RawRow> rows = readAll(reader);

            assertThat(rows).extracting(RawRow::line).containsExactly(2L, 4L, 7L);
            assertThat(rows.get(1).cells()).containsExactly("x\ny\nz", "3");
            assertThat(rows.get(2).cells()).containsExactly("4", "5");
        }
    }

    @Test
    void read_WhenUnterminatedQuote_ThenErrorNamesFileAndLine() {
        try (RawRowReader reader = new CsvRawRowReader(fixture("unterminated-quote.csv"))) {
            assertThat(reader.next().line()).isEqualTo(2);

            assertThatThrownBy(reader::next).isInstanceOf(MalformedSourceException.class)
                .hasMessageStartingWith("unterminated-quote.csv line 3: malformed CSV")
                .satisfies(e -> assertThat(((MalformedSourceException) e).line()).isEqualTo(3));
        }
    }

    @Test
    void read_WhenHeaderOnly_ThenNoRows() {
        try (RawRowReader reader = new CsvRawRowReader(fixture("header-only.csv"))) {
            assertThat(reader.header()).containsExactly("a", "b");
            assertThat(reader.next()).isNull();
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void open_WhenEmptyFile_ThenErrorNamesFile() {
        assertThatThrownBy(() -> new CsvRawRowReader(fixture("empty.csv"))).isInstanceOf(MalformedSourceException.class)
            .hasMessageContaining("empty.csv");
    }

    @Test
    void detect_WhenMultiByteCharacterCutAt64KB_ThenStillUtf8() throws IOException {
        // given: an ASCII prefix so that "é" (2 bytes) straddles the 64 KB sniff limit
        Path file = tmp.resolve("straddle.csv");
        byte[] bytes = new byte[CsvEncoding.SNIFF_BYTES + 10];
        java.util.Arrays.fill(bytes, (byte) 'a');
        bytes[CsvEncoding.SNIFF_BYTES - 1] = (byte) 0xC3;
        bytes[CsvEncoding.SNIFF_BYTES] = (byte) 0xA9;
        Files.write(file, bytes);

        assertThat(CsvEncoding.detect(file).charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @CsvSource({ "utf16le-bom.csv, UTF-16LE", "utf16be-bom.csv, UTF-16BE" })
    void read_WhenUtf16WithByteOrderMark_ThenReadInItsByteOrder(String file, String charset) {
        try (CsvRawRowReader reader = new CsvRawRowReader(fixture(file))) {
            assertThat(reader.charset().name()).isEqualTo(charset);
            assertThat(reader.header()).startsWith("Entry Summary Number", "Entry Type Code");
            RawRow row = reader.next();
            assertThat(row.line()).isEqualTo(2);
            assertThat(row.cell(2)).isEqualTo("47\u2013123456700");
            assertThat(row.cell(6)).isEqualTo("Soci\u00e9t\u00e9 G\u00e9n\u00e9rale");
            assertThat(reader.next()).isNull();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "utf16le-no-bom.csv | utf16le-no-bom.csv: the file looks like UTF-16 without a byte order mark (every other"
                    + " byte is NUL); save it as UTF-8 or Windows-1252 CSV",
            "utf32-bom.csv      | utf32-bom.csv: the file is UTF-32 (by its byte order mark); save it as UTF-8 or"
                    + " Windows-1252 CSV" })
    void open_WhenUtf16WithoutMarkOrUtf32_ThenRefusedByName(String file, String message) {
        assertThatThrownBy(() -> new CsvRawRowReader(fixture(file))).isInstanceOf(MalformedSourceException.class)
            .hasMessage(message);
    }

    @Test
    void read_WhenWindows1252BytesOnlyAfter64KB_ThenWholeFileReadAsWindows1252() {
        try (CsvRawRowReader reader = new CsvRawRowReader(fixture("windows-1252-after-64k.csv"))) {
            assertThat(reader.charset().name()).isEqualTo("windows-1252");
            List<RawRow> rows = readAll(reader);
            RawRow last = rows.get(rows.size() - 1);
            assertThat(last.cell(2)).isEqualTo("47\u2013123456700");
            assertThat(last.cell(6)).isEqualTo("SOCI\u00c9T\u00c9 G\u00c9N\u00c9RALE");
        }
    }

    @Test
    void read_WhenUtf8AndWindows1252Mixed_ThenUtf8AndTheOtherBytesMarkedInvalid() throws IOException {
        Path file = fixture("mixed-utf8-windows-1252.csv");
        assertThat(CsvEncoding.detect(file).mixed()).isTrue();
        try (CsvRawRowReader reader = new CsvRawRowReader(file)) {
            List<RawRow> rows = readAll(reader);
            assertThat(rows.get(0).cell(6)).isEqualTo("Soci\u00e9t\u00e9");
            // the row parser rejects the U+FFFD (Es003Values.checkText) with file, line
            // and column
            assertThat(rows.get(rows.size() - 1).cell(2)).isEqualTo("47\uFFFD123456700");
        }
    }

    @Test
    void read_When200kRows_ThenStreamedWithFlatMemory() throws IOException {
        // given: ~40 MB of text, which would take well over 80 MB of heap if held as
        // strings
        Path file = tmp.resolve("big.csv");
        int rows = 200_000;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("Entry Summary Number,Entry Date,HTS Number - Full,Line Tariff Duty Amount,Description\r\n");
            for (int i = 0; i < rows; i++) {
                out.write("ABC" + (1_000_000 + i) + "6,03/15/2025,9903012500,\"$1,234.56\","
                        + "\"a long, quoted description of the goods on this tariff line, number " + i
                        + ", padded to make the row weigh about two hundred bytes in all.....\"\r\n");
            }
        }
        long retainedBefore = retainedHeap();

        // when
        try (RawRowReader reader = new CsvRawRowReader(file)) {
            long count = 0;
            long lastLine = 0;
            for (RawRow row = reader.next(); row != null; row = reader.next()) {
                count++;
                lastLine = row.line();
            }
            long retainedWhileOpen = retainedHeap() - retainedBefore;

            // then
            assertThat(count).isEqualTo(rows);
            assertThat(lastLine).isEqualTo(rows + 1L);
            assertThat(Files.size(file)).isGreaterThan(35_000_000L);
            assertThat(retainedWhileOpen).isLessThan(16L * 1024 * 1024);
        }
    }

    static long retainedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return heap.getUsed();
    }

}
