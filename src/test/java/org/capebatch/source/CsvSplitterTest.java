package org.capebatch.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvSplitterTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} parts")
    @ValueSource(ints = { 2, 3, 7, 50 })
    void split_WhenRangesReadOneAfterAnother_ThenSameRowsAndLinesAsWholeFile(int parts) throws IOException {
        // given: quoted cells with line breaks, doubled quotes and commas, CRLF, blank
        // lines, a BOM
        Path file = file(StandardCharsets.UTF_8, true);
        // when
        List<ByteRange> ranges = CsvSplitter.split(file, parts, 1);
        List<String> pieces = new ArrayList<>();
        for (ByteRange range : ranges) {
            try (CsvRawRowReader reader = new CsvRawRowReader(file, range)) {
                assertThat(reader.header()).containsExactly("Entry Summary Number", "Note", "Line Tariff Duty Amount");
                for (RawRow row = reader.next(); row != null; row = reader.next()) {
                    pieces.add(row.toString());
                }
            }
        }
        // then
        assertThat(ranges).hasSizeGreaterThan(1);
        assertThat(pieces).isEqualTo(whole(file));
    }

    @Test
    void split_WhenWindows1252_ThenRangesDecodeLikeWholeFile() throws IOException {
        Path file = file(Charset.forName("windows-1252"), false);
        List<String> pieces = new ArrayList<>();
        for (ByteRange range : CsvSplitter.split(file, 4, 1)) {
            try (CsvRawRowReader reader = new CsvRawRowReader(file, range)) {
                for (RawRow row = reader.next(); row != null; row = reader.next()) {
                    pieces.add(row.toString());
                }
            }
        }
        assertThat(pieces).isEqualTo(whole(file));
    }

    @Test
    void split_WhenFileSmallerThanTwoMinimumParts_ThenWholeFile() throws IOException {
        Path file = file(StandardCharsets.UTF_8, false);
        assertThat(CsvSplitter.split(file, 4, Files.size(file))).containsExactly(ByteRange.WHOLE_FILE);
    }

    @Test
    void split_WhenBoundaryWouldFallInsideQuotedLineBreaks_ThenMovedToNextRecord() throws IOException {
        // one record whose quoted cell spans most of the file: no boundary inside it
        Path file = dir.resolve("long.csv");
        Files.writeString(file, "a,b\n1,\"" + "x\n".repeat(1000) + "\"\n2,y\n");
        List<ByteRange> ranges = CsvSplitter.split(file, 2, 1);
        assertThat(ranges).hasSize(2);
        assertThat(ranges.get(1).firstLine()).isEqualTo(1003);
        try (CsvRawRowReader reader = new CsvRawRowReader(file, ranges.get(1))) {
            RawRow row = reader.next();
            assertThat(row.line()).isEqualTo(1003);
            assertThat(row.cells()).containsExactly("2", "y");
            assertThat(reader.next()).isNull();
        }
    }

    @ParameterizedTest(name = "{0} parts")
    @ValueSource(ints = { 2, 3, 4, 5, 6, 8, 12, 40 })
    void split_WhenStrayQuoteThenQuotedMultiLineCell_ThenSameRowsAsOneReader(int parts) throws IOException {
        // given: 12" PIPE in an unquoted cell (a plain character), then cells quoted over
        // several lines (issue 7)
        Path file = CsvRawRowReaderTest.fixture("stray-quote-multiline.csv");

        // when
        List<ByteRange> ranges = CsvSplitter.split(file, parts, 1);

        // then
        assertThat(ranges).hasSizeGreaterThan(1);
        assertThat(pieces(file, ranges)).isEqualTo(whole(file));
    }

    @Test
    void split_WhenRandomQuotesLineBreaksAndCommas_ThenSameRowsAsOneReaderOrWholeFile() throws IOException {
        // cells as a reader sees them: plain, with stray quotes, quoted over lines, with
        // doubled quotes, spaces after
        String[] cells = { "a", "12\" PIPE", "\"x\ny\"", "\"q\"\"q\"", "\"\"", "", "\"a,b\"", "\"c\" ", "3/4\"",
                "x\"\"y", "\"\n\"", "\"multi\r\nline\"" };
        String[] breaks = { "\n", "\n", "\r\n", "\n\n" };
        // what makes the reader fail: a character after a closing quote, a quote left
        // open
        String[] breakers = { "\"d\"e", "\"open" };
        Random random = new Random(20261201L);
        int split = 0;
        for (int n = 0; n < 400; n++) {
            StringBuilder csv = new StringBuilder("h1,h2,h3\n");
            int records = 5 + random.nextInt(40);
            for (int r = 0; r < records; r++) {
                int width = 1 + random.nextInt(4);
                for (int c = 0; c < width; c++) {
                    csv.append(c > 0 ? "," : "")
                        .append(random.nextInt(400) == 0 ? breakers[random.nextInt(breakers.length)]
                                : cells[random.nextInt(cells.length)]);
                }
                csv.append(breaks[random.nextInt(breaks.length)]);
            }
            Path file = dir.resolve("fuzz-" + n + ".csv");
            Files.writeString(file, csv);
            List<String> expected;
            try {
                expected = whole(file);
            }
            catch (MalformedSourceException e) {
                // one reader fails: so must the split, by not splitting
                assertThat(CsvSplitter.split(file, 4, 1)).as(csv.toString()).containsExactly(ByteRange.WHOLE_FILE);
                continue;
            }
            for (int parts : new int[] { 2, 3, 5 }) {
                List<ByteRange> ranges = CsvSplitter.split(file, parts, 1);
                split += ranges.size() > 1 ? 1 : 0;
                assertThat(pieces(file, ranges)).as("%d parts of %s", parts, csv).isEqualTo(expected);
            }
        }
        assertThat(split).isGreaterThan(200);
    }

    @ParameterizedTest
    @ValueSource(strings = { "a,b\n\"x\"y,1\n2,3\n4,5\n6,7\n", "a,b\n1,2\n3,4\n5,\"open\n6,7\n8,9\n" })
    void split_WhenReaderWouldFail_ThenWholeFileForOneReaderToReport(String content) throws IOException {
        Path file = dir.resolve("broken.csv");
        Files.writeString(file, content);

        assertThat(CsvSplitter.split(file, 3, 1)).containsExactly(ByteRange.WHOLE_FILE);
    }

    @Test
    void split_WhenUtf16_ThenWholeFile() throws IOException {
        Path file = dir.resolve("utf16.csv");
        Files.write(file, concat(new byte[] { (byte) 0xFF, (byte) 0xFE },
                "a,b\n1,2\n3,4\n5,6\n7,8\n".repeat(20).getBytes(StandardCharsets.UTF_16LE)));

        assertThat(CsvSplitter.split(file, 4, 1)).containsExactly(ByteRange.WHOLE_FILE);
    }

    private static List<String> pieces(Path file, List<ByteRange> ranges) {
        List<String> rows = new ArrayList<>();
        for (ByteRange range : ranges) {
            try (CsvRawRowReader reader = new CsvRawRowReader(file, range)) {
                for (RawRow row = reader.next(); row != null; row = reader.next()) {
                    rows.add(row.toString());
                }
            }
        }
        return rows;
    }

    private Path file(Charset charset, boolean bom) throws IOException {
        Random random = new Random(7);
        StringBuilder csv = new StringBuilder("Entry Summary Number,Note,Line Tariff Duty Amount\r\n");
        for (int i = 0; i < 400; i++) {
            String note = switch (random.nextInt(5)) {
                case 0 -> "\"two\r\nlines\"";
                case 1 -> "\"said \"\"hi\"\", then left\"";
                case 2 -> "\"a, b\"";
                case 3 -> "Société";
                default -> "plain";
            };
            csv.append("ABC")
                .append(String.format("%08d", i))
                .append(',')
                .append(note)
                .append(",$1,0")
                .append(i)
                .append(".00\r\n");
            if (random.nextInt(20) == 0) {
                csv.append("\r\n");
            }
        }
        Path file = dir.resolve("split-" + charset.name() + ".csv");
        byte[] body = csv.toString().getBytes(charset);
        byte[] bytes = bom ? concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, body) : body;
        Files.write(file, bytes);
        return file;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static List<String> whole(Path file) {
        List<String> rows = new ArrayList<>();
        try (CsvRawRowReader reader = new CsvRawRowReader(file)) {
            for (RawRow row = reader.next(); row != null; row = reader.next()) {
                rows.add(row.toString());
            }
        }
        return rows;
    }

}
