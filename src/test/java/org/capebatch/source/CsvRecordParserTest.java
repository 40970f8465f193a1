package org.capebatch.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The parser must read what commons-csv (the reader it replaced, and the grammar
 * CsvSplitter follows) reads: the same cells, line numbers and errors, on any input.
 */
class CsvRecordParserTest {

    private static final CSVFormat COMMONS = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private static final String ALPHABET = "ab ,,,\"\"\"\r\n\n\t\u000B\u001Fé€x";

    @Test
    void next_WhenRandomInput_ThenSameRecordsLinesAndErrorsAsCommonsCsv() throws IOException {
        Random random = new Random(20261201);
        for (int run = 0; run < 20_000; run++) {
            StringBuilder input = new StringBuilder();
            int length = random.nextInt(60);
            for (int i = 0; i < length; i++) {
                input.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            int bufferChars = 1 + random.nextInt(8);
            assertThat(read(input.toString(), bufferChars)).as("input %s, buffer %d", escaped(input), bufferChars)
                .isEqualTo(commons(input.toString()));
        }
    }

    @Test
    void next_WhenTypicalExport_ThenCellsAndLines() throws IOException {
        String csv = "Entry,Duty\r\n123,\"$1,000.00\"\r\n\r\n456,\"say \"\"hi\"\"\nthere\"  \r\n789,";

        assertThat(read(csv, 1 << 16)).isEqualTo(commons(csv))
            .containsExactly("1 [Entry, Duty]", "2 [123, $1,000.00]", "3 []", "4 [456, say \"hi\"\nthere]", "6 [789, ]",
                    "end 6");
    }

    @Test
    void next_WhenTextAfterClosingQuoteOrQuoteUnclosed_ThenCommonsCsvMessages() throws IOException {
        assertThat(read("a\n\"b\"c,d\n", 4)).isEqualTo(commons("a\n\"b\"c,d\n"))
            .last()
            .isEqualTo("error Invalid character between encapsulated token and delimiter at line: 2, position: 6");
        assertThat(read("a\n\"b\n\nc", 4)).isEqualTo(commons("a\n\"b\n\nc"))
            .last()
            .isEqualTo("error (startline 2) EOF reached before encapsulated token finished");
    }

    private static List<String> read(String input, int bufferChars) throws IOException {
        List<String> out = new ArrayList<>();
        try (CsvRecordParser parser = new CsvRecordParser(new StringReader(input), bufferChars)) {
            while (true) {
                long line = parser.lineNumber() + 1;
                String[] cells;
                try {
                    cells = parser.next();
                }
                catch (CsvRecordParser.CsvSyntaxException e) {
                    out.add("error " + e.getMessage());
                    return out;
                }
                if (cells == null) {
                    out.add("end " + parser.lineNumber());
                    return out;
                }
                out.add(line + " " + Arrays.toString(cells));
            }
        }
    }

    private static List<String> commons(String input) throws IOException {
        List<String> out = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(input)).setFormat(COMMONS).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                long line = parser.getCurrentLineNumber() + 1;
                try {
                    if (!records.hasNext()) {
                        out.add("end " + parser.getCurrentLineNumber());
                        return out;
                    }
                    out.add(line + " " + Arrays.toString(records.next().values()));
                }
                catch (UncheckedIOException e) {
                    out.add("error " + e.getCause().getMessage());
                    return out;
                }
            }
        }
    }

    private static String escaped(CharSequence input) {
        return input.toString().replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
    }

}
