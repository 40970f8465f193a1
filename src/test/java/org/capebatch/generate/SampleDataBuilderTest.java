package org.capebatch.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.capebatch.entry.EntryNumber;
import org.capebatch.rules.Reason;
import org.capebatch.source.CsvRawRowReader;
import org.capebatch.source.RawRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SampleDataBuilderTest {

    private static final Path COMMITTED = Path.of("sample");

    @TempDir
    static Path built;

    static List<RawRow> rows;
    static List<String[]> expected;

    @BeforeAll
    static void build() throws IOException {
        new SampleDataBuilder().build(built);
        rows = new ArrayList<>();
        try (CsvRawRowReader reader = new CsvRawRowReader(built.resolve("es003-sample.csv"))) {
            for (RawRow row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
            }
        }
        expected = Files.readAllLines(built.resolve(SampleDataBuilder.EXPECTED_FILE))
            .stream()
            .skip(1)
            .map(line -> line.split(",", -1))
            .toList();
    }

    @ParameterizedTest
    @ValueSource(strings = { "es003-sample.csv", SampleDataBuilder.EXPECTED_FILE, "README.md" })
    void build_WhenRerun_ThenCommittedSampleIsUpToDate(String file) {
        // a failure here means the builder changed: rerun SampleDataBuilder and commit
        // sample/
        assertThat(built.resolve(file)).hasSameBinaryContentAs(COMMITTED.resolve(file));
    }

    @Test
    void expected_WhenRunDate20261130_ThenEveryFileBasedReasonAndEligibleVariantCovered() {
        Set<Reason> reasons = EnumSet.noneOf(Reason.class);
        Set<String> remedies = new HashSet<>();
        for (String[] line : expected) {
            if (!line[2].isEmpty()) {
                reasons.add(Reason.valueOf(line[2]));
            }
            remedies.add(line[4]);
        }

        // NOT_DECLARANT needs a configured declarant, ALREADY_DECLARED and CBP_FAILED a
        // ledger from earlier runs
        assertThat(reasons).isEqualTo(
                EnumSet.complementOf(EnumSet.of(Reason.NOT_DECLARANT, Reason.ALREADY_DECLARED, Reason.CBP_FAILED)));
        assertThat(remedies).contains("PROTEST", "COURT", "FILE_CAPE", "RETRY", "REVIEW", "AWAIT_PHASE", "FIX_DATA");
        assertThat(expected).anyMatch(line -> line[1].equals("ELIGIBLE") && line[6].equals("Y"))
            .anyMatch(line -> line[1].equals("ELIGIBLE") && line[7].equals("Y"))
            .anyMatch(line -> line[3].contains("|"));
    }

    @Test
    void sample_WhenRead_ThenHandWrittenEntriesPresentWithDuplicateAndInvalidRows() {
        Set<String> entryNumbers = new HashSet<>();
        List<String> invalid = new ArrayList<>();
        for (RawRow row : rows) {
            String number = row.cell(Es003Columns.ENTRY_NUMBER).replaceAll("[=\"-]", "");
            if (EntryNumber.checkDigit(number.substring(0, 10)) == number.charAt(10)) {
                entryNumbers.add(number);
            }
            else {
                invalid.add(number);
            }
        }
        String[] last = rows.get(rows.size() - 1).cells();

        assertThat(entryNumbers).hasSize(SampleDataBuilder.GENERATED_ENTRIES + expected.size());
        assertThat(expected).allSatisfy(line -> assertThat(entryNumbers).contains(line[0]));
        assertThat(invalid).hasSize(1);
        assertThat(rows.subList(0, rows.size() - 1)).filteredOn(row -> Arrays.equals(row.cells(), last)).hasSize(1);
        assertThat(rows).anyMatch(row -> row.cell(Es003Columns.IMPORTER_NUMBER).matches("\\d{3}-\\d{2}-\\d{4}"));
    }

}
