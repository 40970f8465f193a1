package org.capebatch.refund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.capebatch.entry.ImporterType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RateTableTest {

    private static final String HEADER = "quarter_start,quarter_end,noncorporate_rate_pct,corporate_rate_pct\n";

    @TempDir
    Path dir;

    @Test
    void bundled_WhenLoaded_ThenEightQuartersOf2025To2026Q4() {
        RateTable table = RateTable.bundled();

        assertThat(table.quarters()).hasSize(8);
        assertThat(table.firstDay()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(table.lastDay()).isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @ParameterizedTest
    @CsvSource({ "2025-01-01, CORPORATE,     6, false, 2025-03-31", "2025-06-10, NON_CORPORATE, 7, false, 2025-06-30",
            "2026-03-31, CORPORATE,     6, false, 2026-03-31", "2026-03-31, NON_CORPORATE, 7, false, 2026-03-31",
            // 2026-Q2 drops a point (Rev. Rul. 2026-5), Q3 and Q4 go back up (CAPE-RULES
            // §11)
            "2026-04-01, CORPORATE,     5, false, 2026-06-30", "2026-04-01, NON_CORPORATE, 6, false, 2026-06-30",
            "2026-06-30, CORPORATE,     5, false, 2026-06-30", "2026-07-01, CORPORATE,     6, false, 2026-09-30",
            "2026-07-01, NON_CORPORATE, 7, false, 2026-09-30", "2026-09-30, NON_CORPORATE, 7, false, 2026-09-30",
            "2026-10-01, CORPORATE,     6, false, 2026-12-31", "2026-12-31, NON_CORPORATE, 7, false, 2026-12-31",
            "2027-01-01, CORPORATE,     6, true,  +999999999-12-31",
            "2030-01-01, NON_CORPORATE, 7, true,  +999999999-12-31",
            "2024-12-31, CORPORATE,     6, true,  2024-12-31", })
    void rateOn_WhenDay_ThenRateAssumedAndRunEnd(LocalDate day, ImporterType type, BigDecimal percent, boolean assumed,
            String through) {
        AppliedRate rate = RateTable.bundled().rateOn(day, type);

        assertThat(rate.percent()).isEqualByComparingTo(percent);
        assertThat(rate.assumed()).isEqualTo(assumed);
        assertThat(rate.through()).isEqualTo(through.startsWith("+") ? LocalDate.MAX : LocalDate.parse(through));
    }

    @Test
    void rateOn_WhenColumnsDiffer_ThenTypePicksColumn() throws IOException {
        RateTable table = load(HEADER + "2028-01-01,2028-03-31,8.5,7.25\n");

        assertThat(table.rateOn(LocalDate.of(2028, 2, 29), ImporterType.NON_CORPORATE).percent())
            .isEqualByComparingTo("8.5");
        assertThat(table.rateOn(LocalDate.of(2028, 2, 29), ImporterType.CORPORATE).percent())
            .isEqualByComparingTo("7.25");
    }

    @Test
    void load_WhenExtraColumnsReorderedBomAndBlankLines_ThenRead() throws IOException {
        RateTable table = load("\uFEFFsource_url,Corporate_Rate_Pct,quarter_start,quarter_end,noncorporate_rate_pct\n"
                + "\n" + "\"https://x.example/a,b\",6,2025-01-01,2025-03-31,7\r\n"
                + "https://x.example/c,5,2025-04-01,2025-06-30,6\r\n" + "   \n");

        assertThat(table.quarters()).containsExactly(
                new QuarterRate(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31), new BigDecimal("7"),
                        new BigDecimal("6")),
                new QuarterRate(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 6, 30), new BigDecimal("6"),
                        new BigDecimal("5")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "bad date | 2025-01-01,2025-03-31,7,6\\n2025-04-01,2025-06-31,7,6 | 3 | bad date '2025-06-31' in column",
            "us date | 01/01/2025,2025-03-31,7,6 | 2 | bad date '01/01/2025' in column quarter_start",
            "bad number | 2025-01-01,2025-03-31,7%,6 | 2 | bad number '7%' in column noncorporate_rate_pct",
            "negative rate | 2025-01-01,2025-03-31,7,-1 | 2 | bad number '-1' in column corporate_rate_pct",
            "missing value | 2025-01-01,2025-03-31,,6 | 2 | missing value in column noncorporate_rate_pct",
            "short row | 2025-01-01,2025-03-31,7 | 2 | missing value in column corporate_rate_pct",
            "gap | 2025-01-01,2025-03-31,7,6\\n2025-07-01,2025-09-30,7,6 | 3 | gap between quarters",
            "overlap | 2025-04-01,2025-06-30,7,6\\n2025-04-01,2025-06-30,7,6 | 3 | overlap between quarters",
            "descending | 2025-04-01,2025-06-30,7,6\\n2025-01-01,2025-03-31,7,6 | 3 | overlap between quarters",
            "not quarter start | 2025-02-01,2025-04-30,7,6 | 2 | not the first day of a calendar quarter",
            "not quarter end | 2025-01-01,2025-03-30,7,6 | 2 | not the last day of the quarter", })
    void load_WhenMalformedRow_ThenErrorNamesFileLineAndProblem(String name, String rows, int line, String problem)
            throws IOException {
        Path file = write(HEADER + rows.replace("\\n", "\n") + "\n");

        assertThatThrownBy(() -> RateTable.load(file)).isInstanceOf(RateTableException.class)
            .hasMessageStartingWith(file + ", line " + line + ": ")
            .hasMessageContaining(problem)
            .satisfies(e -> assertThat(((RateTableException) e).line()).isEqualTo(line));
    }

    @Test
    void load_WhenColumnMissing_ThenErrorNamesColumnOnLine1() throws IOException {
        Path file = write("quarter_start,quarter_end,noncorporate_rate_pct\n2025-01-01,2025-03-31,7\n");

        assertThatThrownBy(() -> RateTable.load(file)).isInstanceOf(RateTableException.class)
            .hasMessageStartingWith(file + ", line 1: ")
            .hasMessageContaining("missing column(s) corporate_rate_pct");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "''     | empty: no header line", "'\n\n' | empty: no header line",
            "'quarter_start,quarter_end,noncorporate_rate_pct,corporate_rate_pct\n' | empty: header but no quarter", })
    void load_WhenEmpty_ThenErrorNamesFile(String content, String problem) throws IOException {
        Path file = write(content);

        assertThatThrownBy(() -> RateTable.load(file)).isInstanceOf(RateTableException.class)
            .hasMessageStartingWith(file + ": " + problem);
    }

    @Test
    void load_WhenFileMissing_ThenErrorNamesFile() {
        Path file = dir.resolve("nope.csv");

        assertThatThrownBy(() -> RateTable.load(file)).isInstanceOf(RateTableException.class)
            .hasMessageStartingWith(file + ": cannot read");
    }

    private RateTable load(String content) throws IOException {
        return RateTable.load(write(content));
    }

    private Path write(String content) throws IOException {
        Path file = Files.createTempFile(dir, "rates", ".csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

}
