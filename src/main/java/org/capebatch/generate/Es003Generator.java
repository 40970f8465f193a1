package org.capebatch.generate;

import static org.capebatch.generate.Es003Columns.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Random;

/**
 * Writes a synthetic ES-003 export (SPEC §2) of N entries, about four tariff rows each,
 * for load tests and demos. The same seed gives the same bytes: only {@link Random},
 * whose algorithm is fixed by its specification, draws values, and no floating point
 * touches the amounts. Entries come in ascending entry-number order (filer codes in
 * order, sequences rising with the entry date), rows of one entry together, as an ACE
 * pull sorted by entry would.
 *
 * <p>
 * The mix follows CAPE-RULES §3–§7: mostly type 01, IEEPA rows only for entries inside
 * the IEEPA window (Section 122 after it), Section 301 on Chinese goods, FREE exemption
 * headings, a minority of entries liquidated in 2026, and small shares of cancelled,
 * reconciliation, drawback, protest, surety, AD/CVD and unpaid-statement entries. HTS
 * headings and rates are plausible, not authoritative.
 */
public final class Es003Generator {

    static final LocalDate FIRST_ENTRY_DATE = LocalDate.of(2025, 1, 2);
    static final LocalDate LAST_ENTRY_DATE = LocalDate.of(2026, 3, 31);

    /**
     * Day the synthetic ACE pull was taken: nothing liquidates after it (the sample's run
     * date is 2026-11-30).
     */
    static final LocalDate SNAPSHOT_DATE = LocalDate.of(2026, 11, 27);
    static final LocalDate IEEPA_FIRST = LocalDate.of(2025, 2, 4);
    static final LocalDate IEEPA_LAST = LocalDate.of(2026, 2, 23);

    /**
     * Filer codes in ascending order, covering the allowed patterns and letters S–Z
     * (CAPE-RULES §6).
     */
    static final String[] FILER_CODES = { "112", "231", "4T7", "7K2", "9SZ", "A45", "AB1", "BYU", "C7D", "DHL", "EI8",
            "FDX", "G3P", "JW2", "KN5", "M2X", "NUS", "PX7", "UPS", "WZ3" };

    private static final String[] CHAPTER_1_97_HTS = { "8471300100", "8517130000", "9403600081", "6110202079",
            "8708299800", "3926909985", "7318158090", "9503000073", "8542310001", "6402993165", "4202923031",
            "8504408500", "9401710031", "7326908688", "8414510000", "6204624011", "8516604070", "9405110020",
            "8481809050", "3924104000" };

    private static final int[] MFN_BASIS_POINTS = { 0, 0, 0, 250, 270, 350, 480, 640, 1200, 2000 };

    private static final String[] PORTS = { "2704", "1001", "5301", "3901", "2809", "0901", "4601", "2720", "1303",
            "5201" };

    private static final String[] COUNTRIES = { "CN", "CN", "CN", "CN", "CN", "CN", "CN", "CN", "MX", "MX", "MX", "CA",
            "CA", "VN", "VN", "IN", "DE", "JP", "BR", "KR", "TW", "TH", "IT", "GB" };

    private static final String[] SECTION_301 = { "99038803", "99038815", "99038801", "99038802" };

    private static final int[] SECTION_301_BASIS_POINTS = { 2500, 750, 2500, 2500 };

    /** The 18 % of entries that are not type 01. */
    private static final String[] RARE_TYPES = { "11", "11", "11", "11", "06", "06", "06", "06", "03", "03", "03", "21",
            "21", "31", "31", "02", "34", "08", "08", "09", "47", "23" };

    private static final String[] FREE_EXEMPTIONS = { "99030132", "99030133", "99030130" };

    private final Random random;

    private final String[][] importers; // {number, importer type column}

    private final String[] cells = new String[COUNT];

    private Es003Generator(int importerCount, long seed) {
        this.random = new Random(seed);
        this.importers = importers(importerCount);
    }

    /**
     * The importer pool when none is asked for: a few hundred, as a mid-size broker's
     * export has. Kept as it was so a seed gives the same file as before the
     * {@code --importers} option existed.
     */
    public static int defaultImporters(int entries) {
        return Math.max(10, Math.min(400, entries / 5));
    }

    /** Writes {@code entries} entries to {@code out} (replacing it). */
    public static void write(Path out, int entries, long seed) throws IOException {
        writeFile(out, entries, seed, defaultImporters(entries));
    }

    /**
     * Writes {@code entries} entries drawn from a pool of {@code importers} importers
     * (replacing {@code out}). Importers are picked with a long tail whatever the pool
     * size: the first gets about {@code 1/sqrt(pool)} of the entries, the last about
     * {@code 1/(2 pool)}.
     */
    public static void write(Path out, int entries, long seed, int importers) throws IOException {
        writeFile(out, entries, seed, importers);
    }

    private static long writeFile(Path out, int entries, long seed, int importers) throws IOException {
        try (Es003CsvWriter writer = new Es003CsvWriter(out)) {
            writer.writeHeader();
            return write(writer, entries, seed, importers);
        }
    }

    /** Appends the entries to an open writer; returns the number of rows written. */
    static long write(Es003CsvWriter writer, int entries, long seed) throws IOException {
        return write(writer, entries, seed, defaultImporters(entries));
    }

    private static long write(Es003CsvWriter writer, int entries, long seed, int importers) throws IOException {
        if (entries < 0) {
            throw new IllegalArgumentException("entries must be >= 0: " + entries);
        }
        if (importers < 1) {
            throw new IllegalArgumentException("importers must be >= 1: " + importers);
        }
        long before = writer.rows();
        new Es003Generator(importers, seed).writeEntries(writer, entries);
        return writer.rows() - before;
    }

    /**
     * {@code --entries=N --seed=S --output=path [--importers=K]}; prints rows written and
     * time taken.
     */
    public static void main(String[] args) throws IOException {
        int entries = 1000;
        long seed = 1;
        Integer importers = null;
        Path output = Path.of("es003-generated.csv");
        try {
            for (String arg : args) {
                if (arg.startsWith("--entries=")) {
                    entries = number(arg, "a whole number from 0 to " + Integer.MAX_VALUE, Integer::parseInt);
                    if (entries < 0) {
                        throw new IllegalArgumentException(
                                invalid(arg, "a whole number from 0 to " + Integer.MAX_VALUE));
                    }
                }
                else if (arg.startsWith("--seed=")) {
                    seed = number(arg, "a whole number", Long::parseLong);
                }
                else if (arg.startsWith("--output=") && arg.length() > "--output=".length()) {
                    output = Path.of(arg.substring("--output=".length()));
                }
                else if (arg.startsWith("--importers=")) {
                    importers = number(arg, "a whole number from 1 to " + Integer.MAX_VALUE, Integer::parseInt);
                    if (importers < 1) {
                        throw new IllegalArgumentException(
                                invalid(arg, "a whole number from 1 to " + Integer.MAX_VALUE));
                    }
                }
                else {
                    throw new IllegalArgumentException("generate: unknown option '" + arg
                            + "'; valid options: --entries=N --seed=S --output=<file> --importers=K");
                }
            }
        }
        catch (IllegalArgumentException e) {
            // A usage mistake: one line and exit 2, like every other command line mistake
            // (no stack trace).
            System.err.println("cape-batch: " + e.getMessage() + ". Fix the command");
            System.exit(2);
            return;
        }
        long start = System.nanoTime();
        long rows = writeFile(output, entries, seed, importers == null ? defaultImporters(entries) : importers);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("Wrote %d entries, %d rows, %d bytes to %s in %d ms%n", entries, rows, Files.size(output),
                output, millis);
    }

    private static <T> T number(String arg, String valid, java.util.function.Function<String, T> parse) {
        try {
            return parse.apply(arg.substring(arg.indexOf('=') + 1).trim());
        }
        catch (NumberFormatException e) {
            throw new IllegalArgumentException(invalid(arg, valid), e);
        }
    }

    private static String invalid(String arg, String valid) {
        return "generate: option " + arg.substring(0, arg.indexOf('=')) + " has the invalid value '"
                + arg.substring(arg.indexOf('=') + 1) + "'; valid values: " + valid;
    }

    private void writeEntries(Es003CsvWriter writer, int entries) throws IOException {
        // Uneven shares per filer (the first gets about 20 times the last), remainder to
        // the first.
        int weightSum = FILER_CODES.length * (FILER_CODES.length + 1) / 2;
        int[] counts = new int[FILER_CODES.length];
        int assigned = 0;
        for (int f = 0; f < FILER_CODES.length; f++) {
            counts[f] = (int) ((long) entries * (FILER_CODES.length - f) / weightSum);
            assigned += counts[f];
        }
        counts[0] += entries - assigned;
        long span = ChronoUnit.DAYS.between(FIRST_ENTRY_DATE, LAST_ENTRY_DATE);
        for (int f = 0; f < FILER_CODES.length; f++) {
            int count = counts[f];
            int sequence = 100_000 + random.nextInt(900_000);
            int maxStep = (int) Math.max(1, Math.min(20, (9_999_999L - sequence) / Math.max(count, 1)));
            for (int k = 0; k < count; k++) {
                sequence += 1 + random.nextInt(maxStep);
                // Filers number their entries as they file them, so dates rise with the
                // sequence.
                long day = k * span / count + random.nextInt(3);
                LocalDate entryDate = FIRST_ENTRY_DATE.plusDays(Math.min(day, span));
                writeEntry(writer, CheckDigit.entryNumber(FILER_CODES[f], sequence), entryDate);
            }
        }
    }

    private void writeEntry(Es003CsvWriter writer, String entryNumber, LocalDate entryDate) throws IOException {
        Arrays.fill(cells, "");
        String type = entryType();
        String[] importer = importers[(int) (importers.length * square(random.nextDouble()))];
        boolean titleCase = random.nextInt(4) == 0; // some exports spell statuses
                                                    // "Unliquidated"
        boolean blankForNo = random.nextInt(5) == 0; // and leave N flags blank

        cells[ENTRY_NUMBER] = entryNumber;
        cells[ENTRY_TYPE] = random.nextInt(10) == 0 && type.charAt(0) == '0' ? type.substring(1) : type;
        cells[IMPORTER_NUMBER] = importer[0];
        cells[IMPORTER_TYPE] = importer[1];
        cells[PORT_OF_ENTRY] = PORTS[random.nextInt(PORTS.length)];
        cells[ENTRY_DATE] = Es003Format.date(entryDate);
        LocalDate summaryDate = entryDate.plusDays(random.nextInt(10));
        cells[ENTRY_SUMMARY_DATE] = Es003Format.date(summaryDate);

        boolean unpaid = random.nextInt(1000) < 15;
        cells[STATEMENT_STATUS] = unpaid ? "UNPAID" : "PAID";
        if (!unpaid && random.nextInt(100) >= 15) {
            cells[PAYMENT_DATE] = Es003Format.date(summaryDate.plusDays(5 + random.nextInt(16)));
        }

        int summaryRoll = random.nextInt(1000);
        cells[SUMMARY_STATUS] = summaryRoll < 10 ? "CANCELLED" : summaryRoll < 15 ? "REJECTED" : "ACCEPTED";
        liquidation(entryDate, titleCase);

        boolean reconEligibleType = type.equals("01") || type.equals("02") || type.equals("06");
        boolean recon = reconEligibleType ? random.nextInt(100) < 4 : type.equals("09");
        cells[RECONCILIATION_FLAG] = flag(recon, blankForNo);
        cells[RECONCILIATION_SUMMARY_FILED] = flag(recon && random.nextInt(10) < 3, blankForNo);
        cells[DRAWBACK_FLAG] = flag(type.equals("47") || random.nextInt(1000) < 10, blankForNo);
        cells[SURETY_PAID] = flag(random.nextInt(1000) < 5, blankForNo);
        int protestRoll = random.nextInt(1000);
        cells[PROTEST_STATUS] = protestRoll < 10 ? "OPEN" : protestRoll < 13 ? "SUSPENDED" : blankForNo ? "" : "NONE";
        cells[ADCVD_STATUS] = adcvd(type, blankForNo, titleCase);

        writeTariffRows(writer, entryDate);
    }

    private void liquidation(LocalDate entryDate, boolean titleCase) {
        LocalDate liquidationDate = null;
        if (random.nextInt(100) < 35) {
            // CBP liquidates about 314 days after entry; this export holds 2026
            // liquidations only.
            LocalDate usual = entryDate.plusDays(300 + random.nextInt(31));
            LocalDate earliest = LocalDate.of(2026, 1, 2).plusDays(random.nextInt(21));
            liquidationDate = usual.isBefore(earliest) ? earliest : usual;
            if (liquidationDate.isAfter(SNAPSHOT_DATE)) {
                liquidationDate = null;
            }
        }
        String status;
        if (liquidationDate != null) {
            cells[LIQUIDATION_DATE] = Es003Format.date(liquidationDate);
            int roll = random.nextInt(100);
            status = roll < 5 ? "RELIQUIDATED" : roll < 10 ? "" : "LIQUIDATED";
        }
        else {
            int roll = random.nextInt(100);
            status = roll < 5 ? "EXTENDED"
                    : roll < 8 ? "SUSPENDED" : roll < 10 ? "UNDER REVIEW" : roll < 15 ? "" : "UNLIQUIDATED";
        }
        cells[LIQUIDATION_STATUS] = titleCase ? titleCase(status) : status;
    }

    private String adcvd(String type, boolean blankForNo, boolean titleCase) {
        boolean adcvdType = type.equals("03") || type.equals("07") || type.equals("34") || type.equals("38");
        if (!adcvdType) {
            return blankForNo ? "" : "NONE";
        }
        int roll = random.nextInt(100);
        String status = roll < 55 ? "SUSPENDED" : roll < 80 ? "PENDING LIQUIDATION" : "NONE";
        return titleCase ? titleCase(status) : status;
    }

    private void writeTariffRows(Es003CsvWriter writer, LocalDate entryDate) throws IOException {
        int lineRoll = random.nextInt(100);
        int lines = lineRoll < 45 ? 1 : lineRoll < 83 ? 2 : 3;
        for (int line = 1; line <= lines; line++) {
            String country = COUNTRIES[random.nextInt(COUNTRIES.length)];
            long goodsCents = 50_000 + (long) (25_000_000 * cube(random.nextDouble()));
            cells[LINE_NUMBER] = Integer.toString(line);
            cells[COUNTRY_OF_ORIGIN] = country;
            int ordinal = 0;

            String hts = CHAPTER_1_97_HTS[random.nextInt(CHAPTER_1_97_HTS.length)];
            int htsRoll = random.nextInt(100);
            if (htsRoll < 10) {
                hts = hts.substring(0, 8);
            }
            else if (htsRoll < 25) {
                hts = hts.substring(0, 4) + "." + hts.substring(4, 6) + "." + hts.substring(6);
            }
            int mfn = MFN_BASIS_POINTS[random.nextInt(MFN_BASIS_POINTS.length)];
            String mfnDuty = mfn == 0 && random.nextInt(10) < 3 ? "FREE" : Es003Format.money(duty(goodsCents, mfn));
            tariffRow(writer, ++ordinal, hts, Es003Format.money(goodsCents), mfnDuty);

            if (entryDate.isAfter(IEEPA_LAST)) {
                tariffRow(writer, ++ordinal, "99030301", "$0.00", Es003Format.money(duty(goodsCents, 1000)));
            }
            else if (!entryDate.isBefore(IEEPA_FIRST)) {
                ordinal = ieepaRows(writer, ordinal, country, entryDate, goodsCents);
            }
            if (country.equals("CN") && random.nextInt(100) < 50) {
                int which = random.nextInt(SECTION_301.length);
                tariffRow(writer, ++ordinal, SECTION_301[which], "$0.00",
                        Es003Format.money(duty(goodsCents, SECTION_301_BASIS_POINTS[which])));
            }
            if (random.nextInt(100) < 4) {
                tariffRow(writer, ++ordinal, random.nextBoolean() ? "99038502" : "99038187", "$0.00",
                        Es003Format.money(duty(goodsCents, 2500))); // Section 232: not
                                                                    // refunded
            }
        }
    }

    /**
     * IEEPA Chapter 99 rows for goods of {@code country} entered on {@code date}
     * (CAPE-RULES §4, simplified).
     */
    private int ieepaRows(Es003CsvWriter writer, int ordinal, String country, LocalDate date, long goodsCents)
            throws IOException {
        boolean reciprocal = !date.isBefore(LocalDate.of(2025, 4, 5));
        boolean countryRates = !date.isBefore(LocalDate.of(2025, 8, 7));
        switch (country) {
            case "CN" -> {
                boolean before20 = date.isBefore(LocalDate.of(2025, 3, 4));
                boolean fentanyl20 = !before20 && date.isBefore(LocalDate.of(2025, 11, 10));
                ordinal = ieepaRow(writer, ordinal, before20 ? "99030120" : "99030124", goodsCents,
                        fentanyl20 ? 2000 : 1000);
                if (reciprocal) {
                    ordinal = ieepaRow(writer, ordinal, "99030125", goodsCents, 1000);
                }
            }
            case "MX", "CA" -> {
                if (!date.isBefore(LocalDate.of(2025, 3, 4))) {
                    if (random.nextInt(100) < 35) {
                        tariffRow(writer, ++ordinal, country.equals("MX") ? "99030104" : "99030114", "$0.00", "FREE"); // USMCA
                                                                                                                       // goods:
                                                                                                                       // exemption
                                                                                                                       // heading,
                                                                                                                       // no
                                                                                                                       // IEEPA
                                                                                                                       // duty
                    }
                    else {
                        int rate = country.equals("MX") ? 2500 : date.isBefore(LocalDate.of(2025, 8, 1)) ? 2500 : 3500;
                        ordinal = ieepaRow(writer, ordinal, country.equals("MX") ? "99030101" : "99030110", goodsCents,
                                rate);
                    }
                }
            }
            default -> {
                if (countryRates) {
                    String heading = switch (country) {
                        case "VN" -> "99030269";
                        case "IN" -> "99030226";
                        case "DE", "IT" -> "99030220";
                        case "JP" -> "99030273";
                        case "KR" -> "99030237";
                        case "TW" -> "99030261";
                        case "TH" -> "99030258";
                        default -> "99030125";
                    };
                    int rate = switch (country) {
                        case "VN", "TW" -> 2000;
                        case "IN" -> 2500;
                        case "TH" -> 1900;
                        case "DE", "IT", "JP", "KR" -> 1200;
                        default -> 1000;
                    };
                    ordinal = ieepaRow(writer, ordinal, heading, goodsCents, rate);
                    if (country.equals("IN") && date.isBefore(LocalDate.of(2026, 2, 7))
                            && !date.isBefore(LocalDate.of(2025, 8, 27))) {
                        ordinal = ieepaRow(writer, ordinal, "99030184", goodsCents, 2500); // Russian-oil
                                                                                           // duty
                    }
                }
                else if (reciprocal) {
                    ordinal = ieepaRow(writer, ordinal, "99030125", goodsCents, 1000);
                }
            }
        }
        if (random.nextInt(100) < 8) {
            tariffRow(writer, ++ordinal, FREE_EXEMPTIONS[random.nextInt(FREE_EXEMPTIONS.length)], "$0.00",
                    random.nextBoolean() ? "FREE" : "$0.00");
        }
        return ordinal;
    }

    private int ieepaRow(Es003CsvWriter writer, int ordinal, String hts, long goodsCents, int basisPoints)
            throws IOException {
        String written = random.nextInt(100) < 15
                ? hts.substring(0, 4) + "." + hts.substring(4, 6) + "." + hts.substring(6) : hts;
        tariffRow(writer, ordinal + 1, written, "$0.00", Es003Format.money(duty(goodsCents, basisPoints)));
        return ordinal + 1;
    }

    private void tariffRow(Es003CsvWriter writer, int ordinal, String hts, String goodsValue, String duty)
            throws IOException {
        cells[TARIFF_ORDINAL] = Integer.toString(ordinal);
        cells[HTS_NUMBER] = hts;
        cells[GOODS_VALUE] = goodsValue;
        cells[DUTY_AMOUNT] = duty;
        writer.writeRow(cells);
    }

    private String entryType() {
        int roll = random.nextInt(1000);
        if (roll < 820) {
            return "01";
        }
        return RARE_TYPES[(roll - 820) * RARE_TYPES.length / 180];
    }

    private String[][] importers(int count) {
        String[][] pool = new String[count][];
        for (int i = 0; i < count; i++) {
            if (random.nextInt(100) < 6) {
                // A sole proprietor importing under an SSN (SPEC §4 reads this as
                // non-corporate when untyped).
                String ssn = (100 + random.nextInt(565)) + "-" + two(10 + random.nextInt(90)) + "-"
                        + (1000 + random.nextInt(9000));
                pool[i] = new String[] { ssn, random.nextInt(10) < 6 ? "NON-CORPORATE" : "" };
            }
            else {
                String ein = two(10 + random.nextInt(90)) + "-" + (1_000_000 + random.nextInt(9_000_000))
                        + (random.nextInt(10) == 0 ? "01" : "00");
                int roll = random.nextInt(100);
                pool[i] = new String[] { ein, roll < 80 ? "CORPORATE" : roll < 85 ? "NON-CORPORATE" : "" };
            }
        }
        return pool;
    }

    // Plain multiplication, not Math.pow: Math may differ between JVMs in the last bit,
    // and the seed must give
    // the same file everywhere.
    private static double square(double x) {
        return x * x;
    }

    private static double cube(double x) {
        return x * x * x;
    }

    private static long duty(long goodsCents, int basisPoints) {
        return (goodsCents * basisPoints + 5_000) / 10_000; // half-up to the cent
    }

    private static String flag(boolean set, boolean blankForNo) {
        return set ? "Y" : blankForNo ? "" : "N";
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    private static String titleCase(String status) {
        StringBuilder text = new StringBuilder(status.length());
        boolean start = true;
        for (char c : status.toCharArray()) {
            text.append(start ? c : Character.toLowerCase(c));
            start = c == ' ';
        }
        return text.toString();
    }

}
