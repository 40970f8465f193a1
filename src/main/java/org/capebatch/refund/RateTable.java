package org.capebatch.refund;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.capebatch.entry.ImporterType;

/**
 * The quarterly IRS overpayment rates used for refund interest (SPEC §4, CAPE-RULES
 * §5.2). Rows must be whole calendar quarters in ascending order with no gap or overlap,
 * so every day between the first and last quarter has exactly one rate. A bad table fails
 * the run up front rather than producing silently wrong interest.
 */
public final class RateTable {

    static final String BUNDLED_RESOURCE = "/overpayment-rates.csv";

    private static final List<String> REQUIRED = List.of("quarter_start", "quarter_end", "noncorporate_rate_pct",
            "corporate_rate_pct");

    private final List<QuarterRate> quarters;

    private RateTable(List<QuarterRate> quarters) {
        this.quarters = List.copyOf(quarters);
    }

    /**
     * Reads a rate table file ({@code cape.refund.rates-file}); the CSV needs at least
     * the SPEC §1 columns.
     */
    public static RateTable load(Path file) {
        String source = file.toString();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(source, reader);
        }
        catch (IOException e) {
            throw new RateTableException(source, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * The table shipped in the jar (used when {@code cape.refund.rates-file} is unset).
     */
    public static RateTable bundled() {
        String source = "classpath:" + BUNDLED_RESOURCE;
        InputStream in = RateTable.class.getResourceAsStream(BUNDLED_RESOURCE);
        if (in == null) {
            throw new RateTableException(source, 0, "resource not found");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parse(source, reader);
        }
        catch (IOException e) {
            throw new RateTableException(source, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Parses line by line (each line one CSV record) so that every error names its
     * physical line. Blank lines are skipped; a leading UTF-8 BOM is tolerated; columns
     * beyond the required four (like {@code source_url}) are ignored.
     */
    static RateTable parse(String source, Reader reader) throws IOException {
        BufferedReader lines = new BufferedReader(reader);
        Map<String, Integer> columns = null;
        List<QuarterRate> quarters = new ArrayList<>();
        int lineNumber = 0;
        String line;
        while ((line = lines.readLine()) != null) {
            lineNumber++;
            if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                continue;
            }
            List<String> values = split(source, lineNumber, line);
            if (columns == null) {
                columns = header(source, lineNumber, values);
                continue;
            }
            QuarterRate quarter = quarter(source, lineNumber, values, columns);
            if (!quarters.isEmpty()) {
                checkFollows(source, lineNumber, quarters.get(quarters.size() - 1), quarter);
            }
            quarters.add(quarter);
        }
        if (columns == null) {
            throw new RateTableException(source, 0, "empty: no header line");
        }
        if (quarters.isEmpty()) {
            throw new RateTableException(source, 0, "empty: header but no quarter rows");
        }
        return new RateTable(quarters);
    }

    private static List<String> split(String source, int lineNumber, String line) {
        try (CSVParser parser = CSVFormat.DEFAULT.parse(new StringReader(line))) {
            List<CSVRecord> records = parser.getRecords();
            List<String> values = new ArrayList<>();
            if (!records.isEmpty()) {
                records.get(0).forEach(value -> values.add(value.trim()));
            }
            return values;
        }
        catch (IOException | RuntimeException e) {
            throw new RateTableException(source, lineNumber, "not valid CSV: " + e.getMessage(), e);
        }
    }

    private static Map<String, Integer> header(String source, int lineNumber, List<String> names) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            columns.putIfAbsent(names.get(i).toLowerCase(Locale.ROOT), i);
        }
        List<String> missing = REQUIRED.stream().filter(name -> !columns.containsKey(name)).toList();
        if (!missing.isEmpty()) {
            throw new RateTableException(source, lineNumber, "missing column(s) " + String.join(", ", missing)
                    + " in header (required: " + String.join(",", REQUIRED) + ")");
        }
        return columns;
    }

    private static QuarterRate quarter(String source, int lineNumber, List<String> values,
            Map<String, Integer> columns) {
        LocalDate start = date(source, lineNumber, values, columns, "quarter_start");
        LocalDate end = date(source, lineNumber, values, columns, "quarter_end");
        BigDecimal nonCorporate = percent(source, lineNumber, values, columns, "noncorporate_rate_pct");
        BigDecimal corporate = percent(source, lineNumber, values, columns, "corporate_rate_pct");
        // SPEC §4: r(d) is the rate "of the calendar quarter holding d", so each row must
        // be exactly one quarter.
        if (start.getDayOfMonth() != 1 || (start.getMonthValue() - 1) % 3 != 0) {
            throw new RateTableException(source, lineNumber,
                    "quarter_start " + start + " is not the first day of a calendar quarter");
        }
        LocalDate expectedEnd = start.plusMonths(3).minusDays(1);
        if (!end.equals(expectedEnd)) {
            throw new RateTableException(source, lineNumber, "quarter_end " + end
                    + " is not the last day of the quarter starting " + start + " (expected " + expectedEnd + ")");
        }
        return new QuarterRate(start, end, nonCorporate, corporate);
    }

    private static String value(String source, int lineNumber, List<String> values, Map<String, Integer> columns,
            String column) {
        int index = columns.get(column);
        String value = index < values.size() ? values.get(index) : "";
        if (value.isEmpty()) {
            throw new RateTableException(source, lineNumber, "missing value in column " + column);
        }
        return value;
    }

    private static LocalDate date(String source, int lineNumber, List<String> values, Map<String, Integer> columns,
            String column) {
        String value = value(source, lineNumber, values, columns, column);
        try {
            return LocalDate.parse(value);
        }
        catch (DateTimeParseException e) {
            throw new RateTableException(source, lineNumber,
                    "bad date '" + value + "' in column " + column + " (expected YYYY-MM-DD)", e);
        }
    }

    private static BigDecimal percent(String source, int lineNumber, List<String> values, Map<String, Integer> columns,
            String column) {
        String value = value(source, lineNumber, values, columns, column);
        BigDecimal percent;
        try {
            percent = new BigDecimal(value);
        }
        catch (NumberFormatException e) {
            throw new RateTableException(source, lineNumber,
                    "bad number '" + value + "' in column " + column + " (expected a percentage such as 7 or 6.5)", e);
        }
        if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new RateTableException(source, lineNumber,
                    "bad number '" + value + "' in column " + column + " (a percentage between 0 and 100)");
        }
        return percent;
    }

    private static void checkFollows(String source, int lineNumber, QuarterRate previous, QuarterRate next) {
        LocalDate expected = previous.quarterEnd().plusDays(1);
        if (next.quarterStart().isAfter(expected)) {
            throw new RateTableException(source, lineNumber, "gap between quarters: " + previous.quarterEnd()
                    + " is followed by " + next.quarterStart() + " (expected " + expected + ")");
        }
        if (next.quarterStart().isBefore(expected)) {
            throw new RateTableException(source, lineNumber,
                    "overlap between quarters: quarter starting " + next.quarterStart()
                            + " does not come after the previous quarter ending " + previous.quarterEnd()
                            + " (rows must be in ascending order, one per quarter)");
        }
    }

    public List<QuarterRate> quarters() {
        return quarters;
    }

    public LocalDate firstDay() {
        return quarters.get(0).quarterStart();
    }

    public LocalDate lastDay() {
        return quarters.get(quarters.size() - 1).quarterEnd();
    }

    /**
     * The annual rate for {@code day}. Past the last quarter the last rate is carried
     * forward and marked assumed (SPEC §4). Before the first quarter SPEC §4 says
     * nothing; we carry the first rate backwards and mark it assumed too, because
     * refusing the entry or paying no interest would both understate a real claim, and
     * the flag tells the reader the figure is an estimate. (The bundled table starts
     * 2025-Q1, before the IEEPA window, so this only happens with an operator-supplied
     * table or an odd payment date.)
     */
    public AppliedRate rateOn(LocalDate day, ImporterType type) {
        if (day.isBefore(firstDay())) {
            return new AppliedRate(quarters.get(0).percentFor(type), true, firstDay().minusDays(1));
        }
        if (day.isAfter(lastDay())) {
            return new AppliedRate(quarters.get(quarters.size() - 1).percentFor(type), true, LocalDate.MAX);
        }
        int low = 0;
        int high = quarters.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            QuarterRate quarter = quarters.get(middle);
            if (day.isBefore(quarter.quarterStart())) {
                high = middle - 1;
            }
            else if (day.isAfter(quarter.quarterEnd())) {
                low = middle + 1;
            }
            else {
                return new AppliedRate(quarter.percentFor(type), false, quarter.quarterEnd());
            }
        }
        throw new IllegalStateException("no quarter holds " + day + " although the table is contiguous");
    }

}
