package org.capebatch.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.capebatch.entry.EntryNumber;
import org.capebatch.source.CsvRawRowReader;
import org.capebatch.source.RawRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Es003GeneratorTest {

    private static final int ENTRIES = 3_000;

    /**
     * Entry-level columns (SPEC §2): every column but line number, tariff ordinal, HTS
     * number and duty amount.
     */
    private static final List<Integer> ENTRY_LEVEL = List.of(Es003Columns.ENTRY_TYPE, Es003Columns.IMPORTER_NUMBER,
            Es003Columns.IMPORTER_TYPE, Es003Columns.ENTRY_DATE, Es003Columns.ENTRY_SUMMARY_DATE,
            Es003Columns.PAYMENT_DATE, Es003Columns.SUMMARY_STATUS, Es003Columns.LIQUIDATION_STATUS,
            Es003Columns.LIQUIDATION_DATE, Es003Columns.RECONCILIATION_FLAG, Es003Columns.RECONCILIATION_SUMMARY_FILED,
            Es003Columns.DRAWBACK_FLAG, Es003Columns.SURETY_PAID, Es003Columns.PROTEST_STATUS,
            Es003Columns.ADCVD_STATUS, Es003Columns.STATEMENT_STATUS);

    @TempDir
    Path tmp;

    @Test
    void write_WhenSameSeed_ThenSameBytes_AndOtherSeedDiffers() throws IOException {
        Path first = tmp.resolve("a.csv");
        Path second = tmp.resolve("b.csv");
        Path other = tmp.resolve("c.csv");

        Es003Generator.write(first, ENTRIES, 42);
        Es003Generator.write(second, ENTRIES, 42);
        Es003Generator.write(other, ENTRIES, 43);

        assertThat(Files.mismatch(first, second)).isEqualTo(-1L);
        assertThat(Files.mismatch(first, other)).isNotEqualTo(-1L);
    }

    @Test
    void write_WhenEntries_ThenAboutFourRowsEachInEntryOrderWithValidCheckDigits() throws IOException {
        // given
        Path file = tmp.resolve("es003.csv");

        // when
        Es003Generator.write(file, ENTRIES, 7);

        // then
        Set<String> importers = new HashSet<>();
        Map<String, String[]> firstRowOfEntry = new HashMap<>();
        long rows = 0;
        long ieepaRows = 0;
        String previousEntry = "";
        try (CsvRawRowReader reader = new CsvRawRowReader(file)) {
            assertThat(reader.header()).isEqualTo(Es003Columns.HEADERS);
            for (RawRow row = reader.next(); row != null; row = reader.next()) {
                rows++;
                assertThat(row.size()).isEqualTo(Es003Columns.COUNT);
                String entry = row.cell(Es003Columns.ENTRY_NUMBER);
                assertThat(entry).matches("[A-Z0-9]{3}[0-9]{8}");
                assertThat(EntryNumber.checkDigit(entry.substring(0, 10))).isEqualTo(entry.charAt(10));
                if (!entry.equals(previousEntry)) {
                    // a new entry: numbers ascend, so an entry seen before would mean its
                    // rows are split
                    assertThat(entry).isGreaterThan(previousEntry);
                    firstRowOfEntry.put(entry, row.cells());
                    previousEntry = entry;
                }
                else {
                    String[] first = firstRowOfEntry.get(entry);
                    for (int column : ENTRY_LEVEL) {
                        assertThat(row.cell(column)).as("column %d of %s", column, entry).isEqualTo(first[column]);
                    }
                }
                String hts = row.cell(Es003Columns.HTS_NUMBER).replace(".", "");
                if ((hts.startsWith("990301") || hts.startsWith("990302"))
                        && row.cell(Es003Columns.DUTY_AMOUNT).matches("\\$[1-9].*|\\$0\\.0[1-9]|\\$0\\.[1-9].*")) {
                    ieepaRows++;
                }
                importers.add(row.cell(Es003Columns.IMPORTER_NUMBER));
            }
        }
        assertThat(firstRowOfEntry).hasSize(ENTRIES);
        assertThat(rows).isBetween(ENTRIES * 35L / 10, ENTRIES * 46L / 10);
        assertThat(ieepaRows).isGreaterThan(ENTRIES);
        assertThat(importers).hasSizeBetween(200, 600)
            .anyMatch(number -> number.matches("\\d{3}-\\d{2}-\\d{4}"))
            .anyMatch(number -> number.matches("\\d{2}-\\d{9}"));
    }

    @Test
    void write_WhenImporterCountGiven_ThenThatManyImportersWithALongTail() throws IOException {
        // given: the long-tail shape of a large broker (about 2,000 importers per million
        // entries)
        Path file = tmp.resolve("many-importers.csv");

        // when
        Es003Generator.write(file, 20_000, 42, 1_000);

        // then
        Map<String, Set<String>> entriesByImporter = new HashMap<>();
        try (CsvRawRowReader reader = new CsvRawRowReader(file)) {
            for (RawRow row = reader.next(); row != null; row = reader.next()) {
                entriesByImporter.computeIfAbsent(row.cell(Es003Columns.IMPORTER_NUMBER), k -> new HashSet<>())
                    .add(row.cell(Es003Columns.ENTRY_NUMBER));
            }
        }
        // a pool of 1,000 where the smallest draws about 10 entries: nearly all appear
        assertThat(entriesByImporter).hasSizeBetween(950, 1_000);
        List<Integer> sizes = entriesByImporter.values().stream().map(Set::size).sorted().toList();
        assertThat(sizes.get(sizes.size() - 1)).as("largest importer").isGreaterThan(400);
        assertThat(sizes.get(sizes.size() / 2)).as("median importer").isLessThan(25);
    }

    @Test
    void write_WhenDefaultImporterCountPassedExplicitly_ThenSameBytesAsWithout() throws IOException {
        Path implicit = tmp.resolve("implicit.csv");
        Path explicit = tmp.resolve("explicit.csv");

        Es003Generator.write(implicit, ENTRIES, 42);
        Es003Generator.write(explicit, ENTRIES, 42, Es003Generator.defaultImporters(ENTRIES));

        assertThat(Files.mismatch(implicit, explicit)).isEqualTo(-1L);
    }

    @Test
    void write_WhenZeroEntries_ThenHeaderOnly() throws IOException {
        Path file = tmp.resolve("empty.csv");

        Es003Generator.write(file, 0, 1);

        assertThat(Files.readString(file)).isEqualTo(String.join(",", Es003Columns.HEADERS) + "\r\n");
    }

}
