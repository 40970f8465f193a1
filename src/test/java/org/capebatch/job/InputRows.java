package org.capebatch.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.capebatch.entry.EntryNumber;
import org.capebatch.entry.InvalidValueException;

/**
 * The data rows of a CSV test input with their physical line numbers, read independently
 * of the product's reader. Test inputs have no line breaks inside quoted cells, so one
 * line is one row; a row whose cells are all blank is a blank line (SPEC §2) and is not a
 * row.
 */
record InputRows(String fileName, List<String> header, List<Row> rows) {

    record Row(long line, List<String> cells) {

        /**
         * The row's entry number as the job normalizes it, empty when it is not a valid
         * one.
         */
        Optional<String> entryNumber() {
            try {
                return Optional.of(EntryNumber.parse(cells.isEmpty() ? "" : cells.get(0)).value());
            }
            catch (InvalidValueException e) {
                return Optional.empty();
            }
        }
    }

    /** The cell of {@code column} (header as written), blank when the row is short. */
    String cell(Row row, String column) {
        int index = header.indexOf(column);
        return index >= 0 && index < row.cells().size() ? row.cells().get(index) : "";
    }

    static InputRows of(Path csv) {
        try {
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            List<Row> rows = new ArrayList<>();
            List<String> header;
            try (CSVParser parser = CSVFormat.RFC4180.parse(new java.io.StringReader(lines.get(0)))) {
                header = parser.getRecords().get(0).toList();
            }
            for (int i = 1; i < lines.size(); i++) {
                try (CSVParser parser = CSVFormat.RFC4180.parse(new java.io.StringReader(lines.get(i)))) {
                    List<CSVRecord> records = parser.getRecords();
                    if (records.isEmpty() || records.get(0).stream().allMatch(String::isBlank)) {
                        continue;
                    }
                    rows.add(new Row(i + 1, records.get(0).toList()));
                }
            }
            return new InputRows(csv.getFileName().toString(), header, rows);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
