package org.capebatch.generate;

import static org.capebatch.generate.Es003Columns.*;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds {@code sample/es003-sample.csv} and its {@code README.md}: generator output for
 * a few hundred entries, then hand-written entries that show every reason of SPEC §3 as
 * of run date 2026-11-30, the eligible variants (urgent, deferred, not urgent) and the
 * row-level edge cases (duplicate row, invalid entry number, SSN importer, value
 * spellings). The README lists the expected outcome of each hand-written entry so tests
 * can assert them. Deterministic: rerunning it rewrites the same bytes.
 */
public final class SampleDataBuilder {

    static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 30);
    static final int GENERATED_ENTRIES = 300;
    static final long SEED = 20261130L;
    static final String EXPECTED_FILE = "es003-sample-expected.csv";

    /**
     * Filer codes of the hand-written entries; both sort after every generated filer
     * code.
     */
    static final String EDGE_FILER = "XMP";
    static final String OTHER_FILER = "YOT";

    /** Default window minus margin (80 − 3 days, SPEC §3 check 10). */
    private static final int WINDOW_DAYS = 77;

    private static final int PROTEST_DAYS = 180;

    private static final int URGENT_DAYS = 14;

    private static final String CORPORATE_IMPORTER = "47-123456700";

    private static final String OTHER_IMPORTER = "83-765432100";

    private static final String SSN_IMPORTER = "123-45-6789";

    private static final String OTHER_DECLARANT_IMPORTER = "91-555000100";

    private final List<Edge> edges = new ArrayList<>();

    private int nextSequence = 1001;

    /**
     * Writes {@code es003-sample.csv} and {@code README.md} into the directory given
     * (default {@code sample}).
     */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "sample");
        Files.createDirectories(dir);
        new SampleDataBuilder().build(dir);
        System.out.println("Wrote es003-sample.csv, " + EXPECTED_FILE + " and README.md to " + dir);
    }

    /** Writes the three sample files into {@code dir}; a builder is used once. */
    void build(Path dir) throws IOException {
        defineEdges();
        Path csv = dir.resolve("es003-sample.csv");
        long generatedRows;
        long edgeRows = 0;
        String[] duplicate = null;
        try (Es003CsvWriter writer = new Es003CsvWriter(csv)) {
            writer.writeHeader();
            generatedRows = Es003Generator.write(writer, GENERATED_ENTRIES, SEED);
            for (Edge edge : edges) {
                for (String[] row : edge.rows()) {
                    writer.writeRow(row);
                    edgeRows++;
                }
                if (edge.duplicateLastRow) {
                    duplicate = edge.rows().get(edge.rows().size() - 1);
                }
            }
            // The repeated row comes last, as when two overlapping exports are
            // concatenated.
            writer.writeRow(duplicate);
            edgeRows++;
        }
        writeReadme(dir.resolve("README.md"), generatedRows, edgeRows);
        writeExpected(dir.resolve(EXPECTED_FILE));
    }

    /**
     * The README table as CSV, for tests: one line per hand-written entry, columns as in
     * assessments.csv.
     */
    private void writeExpected(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            out.write("entry_number,status,reason,reasons,remedy,deadline,urgent,refund_deferred,ieepa_duty\n");
            for (Edge edge : edges) {
                if (!edge.invalidNumber) {
                    out.write(String.join(",", edge.entryNumber(), edge.status, edge.reason, edge.reasons, edge.remedy,
                            edge.deadline, yn(edge.urgent), yn(edge.deferred), edge.ieepaDuty()) + "\n");
                }
            }
        }
    }

    private void defineEdges() {
        edge("DATA_ERROR: Entry Date `02/30/2025` cannot be parsed (every row of the entry)")
            .set(ENTRY_DATE, "02/30/2025")
            .dataError();
        edge("DATA_ERROR: Importer Number differs between the entry's rows")
            .rowValue(1, IMPORTER_NUMBER, OTHER_IMPORTER)
            .dataError();
        edge("NO_IEEPA_DUTY: IEEPA rows are FREE exemption headings only").freeIeepaOnly()
            .excluded("NO_IEEPA_DUTY", "NONE");
        edge("NO_IEEPA_DUTY: entered 2026-03-02, after the IEEPA window; Section 122 (9903.03.01) duty only")
            .enteredOn(LocalDate.of(2026, 3, 2))
            .section122Only()
            .excluded("NO_IEEPA_DUTY", "NONE");
        edge("NO_IEEPA_DUTY: IEEPA row with duty but entered 2025-01-27, before the window opened")
            .enteredOn(LocalDate.of(2025, 1, 27))
            .excluded("NO_IEEPA_DUTY", "NONE");
        edge("ENTRY_NOT_ACCEPTED: Entry Summary Status CANCELLED").set(SUMMARY_STATUS, "CANCELLED")
            .excluded("ENTRY_NOT_ACCEPTED", "NONE");
        edge("ENTRY_TYPE_EXCLUDED: type 08 (USMCA duty deferral)").set(ENTRY_TYPE, "08")
            .excluded("ENTRY_TYPE_EXCLUDED", "AWAIT_PHASE");
        edge("ENTRY_TYPE_EXCLUDED: type 23 (outside the accepted type list)").set(ENTRY_TYPE, "23")
            .excluded("ENTRY_TYPE_EXCLUDED", "AWAIT_PHASE");
        edge("DRAWBACK: Drawback Flag Y").set(DRAWBACK_FLAG, "Y").excluded("DRAWBACK", "AWAIT_PHASE");
        edge("RECONCILIATION: flagged and the type 09 summary already filed").set(RECONCILIATION_FLAG, "Y")
            .set(RECONCILIATION_SUMMARY_FILED, "Y")
            .excluded("RECONCILIATION", "AWAIT_PHASE");
        edge("RECONCILIATION: flagged on a type 11 entry (only 01/02/06 may be declared)").set(ENTRY_TYPE, "11")
            .set(RECONCILIATION_FLAG, "Y")
            .excluded("RECONCILIATION", "AWAIT_PHASE");
        edge("PROTEST_PENDING: Protest Status OPEN").set(PROTEST_STATUS, "OPEN").excluded("PROTEST_PENDING", "REVIEW");
        edge("SURETY_PAID: Surety Paid Y").set(SURETY_PAID, "Y").excluded("SURETY_PAID", "NONE");
        edge("ADCVD_PENDING_LIQUIDATION: type 03, Commerce instructions issued").set(ENTRY_TYPE, "03")
            .set(ADCVD_STATUS, "PENDING LIQUIDATION")
            .excluded("ADCVD_PENDING_LIQUIDATION", "AWAIT_PHASE");
        edge("LIQUIDATION_WINDOW_PASSED: liquidated 2026-07-15, protest still possible")
            .liquidatedOn(LocalDate.of(2026, 7, 15))
            .windowPassed();
        edge("LIQUIDATION_WINDOW_PASSED: liquidated 2026-09-13, 78 days before the run (one day too late)")
            .liquidatedOn(LocalDate.of(2026, 9, 13))
            .windowPassed();
        edge("LIQUIDATION_WINDOW_PASSED: liquidated 2026-06-03, protest deadline is the run date itself")
            .liquidatedOn(LocalDate.of(2026, 6, 3))
            .windowPassed();
        edge("LIQUIDATION_WINDOW_PASSED: liquidated 2026-06-02, 181 days before the run: court only")
            .liquidatedOn(LocalDate.of(2026, 6, 2))
            .windowPassed();
        edge("LIQUIDATION_WINDOW_PASSED: liquidated 2026-03-20, final: court only")
            .liquidatedOn(LocalDate.of(2026, 3, 20))
            .windowPassed();
        edge("STATEMENT_UNPAID: Statement Status UNPAID (no Payment Date)").set(STATEMENT_STATUS, "UNPAID")
            .set(PAYMENT_DATE, "")
            .excluded("STATEMENT_UNPAID", "RETRY");
        edge("several reasons: drawback, open protest and unpaid statement").set(DRAWBACK_FLAG, "Y")
            .set(PROTEST_STATUS, "OPEN")
            .set(STATEMENT_STATUS, "UNPAID")
            .excluded("DRAWBACK", "AWAIT_PHASE", "DRAWBACK|PROTEST_PENDING|STATEMENT_UNPAID");

        edge("ELIGIBLE: unliquidated, corporate importer").eligible();
        edge("ELIGIBLE: SSN-format importer, Importer Type blank (non-corporate rate; pseudonym in file names)")
            .set(IMPORTER_NUMBER, SSN_IMPORTER)
            .set(IMPORTER_TYPE, "")
            .eligible();
        edge("ELIGIBLE, urgent: liquidated 2026-09-20").liquidatedOn(LocalDate.of(2026, 9, 20)).eligible();
        edge("ELIGIBLE, urgent: liquidated 2026-09-25").liquidatedOn(LocalDate.of(2026, 9, 25)).eligible();
        edge("ELIGIBLE, urgent: liquidated 2026-09-14, exactly 77 days before the run (deadline = run date)")
            .liquidatedOn(LocalDate.of(2026, 9, 14))
            .eligible();
        edge("ELIGIBLE, not urgent: liquidated 2026-11-02").liquidatedOn(LocalDate.of(2026, 11, 2)).eligible();
        edge("ELIGIBLE, deferred: Liquidation Status SUSPENDED").set(LIQUIDATION_STATUS, "SUSPENDED").deferred();
        edge("ELIGIBLE, deferred: Liquidation Status EXTENDED").set(LIQUIDATION_STATUS, "EXTENDED").deferred();
        edge("ELIGIBLE, deferred: Liquidation Status UNDER REVIEW").set(LIQUIDATION_STATUS, "UNDER REVIEW").deferred();
        edge("ELIGIBLE, deferred: type 03 with AD/CVD liquidation suspended").set(ENTRY_TYPE, "03")
            .set(ADCVD_STATUS, "SUSPENDED")
            .deferred();
        edge("ENTRY_TYPE_EXCLUDED: type 21 warehouse entry (CAPE refuses 21/22 from 2026-07-07)").set(ENTRY_TYPE, "21")
            .excluded("ENTRY_TYPE_EXCLUDED", "AWAIT_PHASE");
        edge("ELIGIBLE, deferred: type 31 warehouse withdrawal").set(ENTRY_TYPE, "31").deferred();
        edge("ELIGIBLE: reconciliation-flagged type 01 with no 09 filed (accepted since 2026-06-29)")
            .set(RECONCILIATION_FLAG, "Y")
            .eligible();
        edge("ELIGIBLE: one row appears twice (the copy is the file's last row): dropped as `duplicate row`")
            .duplicateLastRow()
            .eligible();
        edge("ELIGIBLE: entry number written with dashes, HTS numbers with dots").dashedNumberAndDottedHts().eligible();
        edge("ELIGIBLE: entry number in Excel's text trick `=\"...\"`").excelTextNumber().eligible();
        edge("ELIGIBLE, urgent: other spellings — type `1`, ISO and M/D/YYYY dates, `liquidated`, flags "
                + "`no`/`FALSE`/`0`, lower-case status words")
            .otherSpellings()
            .eligible();
        edge("rejected row only: entry number with a wrong check digit").invalidCheckDigit();
        edge("ELIGIBLE by default; NOT_DECLARANT when a declarant is configured without filer code YOT")
            .filer(OTHER_FILER)
            .set(IMPORTER_NUMBER, OTHER_DECLARANT_IMPORTER)
            .eligible();
    }

    private Edge edge(String description) {
        Edge edge = new Edge(description, nextSequence++);
        edges.add(edge);
        return edge;
    }

    private void writeReadme(Path file, long generatedRows, long edgeRows) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("""
                    # Sample ES-003 input

                    `es003-sample.csv` is a synthetic ES-003 export (SPEC §2) for trying the job and for end-to-end
                    tests. Run it as of **2026-11-30** with the default properties:

                    ```
                    java -jar target/cape-batch.jar input=sample/es003-sample.csv runDate=2026-11-30 \\
                      --cape.output-dir=out
                    ```

                    It is written by `org.capebatch.generate.SampleDataBuilder` (deterministic; regenerate with
                    `./mvnw -q compile && java -cp target/classes org.capebatch.generate.SampleDataBuilder sample`):

                    """);
            out.write("* rows 2–" + (generatedRows + 1) + ": `Es003Generator` output for " + GENERATED_ENTRIES
                    + " entries, seed " + SEED + " — a random realistic mix (filer codes `"
                    + Es003Generator.FILER_CODES[0] + "`…`" + Es003Generator.FILER_CODES[19]
                    + "`); their outcomes are not listed here;\n");
            out.write("* rows " + (generatedRows + 2) + "–" + (generatedRows + edgeRows + 1)
                    + ": hand-written entries (filer codes `" + EDGE_FILER + "` and `" + OTHER_FILER
                    + "`), one per case below; the last row repeats an earlier one.\n\n");
            out.write("""
                    Hand-written entries share a default shape: type 01, importer `47-123456700` (CORPORATE), entered
                    2025-06-16, summary 2025-06-20, paid 2025-07-08, accepted, unliquidated, no flags, and five tariff
                    rows on two lines — 8471300100 (FREE), 9903.01.25 ($2,000.00), 6110202079 ($820.00),
                    9903.01.24 ($1,000.00) and Section 301 9903.88.15 ($375.00) — so the IEEPA principal is
                    $3,000.00. Windows as of 2026-11-30: liquidated before 2026-09-14 (more than 77 days) is
                    `LIQUIDATION_WINDOW_PASSED`; `PROTEST` while the run date is at most 180 days after liquidation
                    (liquidated on or after 2026-06-03), else `COURT`. Eligible liquidated entries have deadline =
                    liquidation + 77 days, urgent when that is on or before 2026-12-14.

                    Expected results (`assessments.csv` columns; `ieepa_duty` is the principal at stake, 0 for
                    `DATA_ERROR`). The same table, machine-readable, is `es003-sample-expected.csv`.

                    """);
            out.write("| entry_number | status | reason | reasons | remedy | deadline | urgent | refund_deferred"
                    + " | ieepa_duty | case |\n|---|---|---|---|---|---|---|---|---|---|\n");
            for (Edge edge : edges) {
                if (edge.invalidNumber) {
                    continue;
                }
                out.write("| " + edge.entryNumber() + " | " + edge.status + " | " + edge.reason + " | "
                        + edge.reasons.replace("|", "\\|") + " | " + edge.remedy + " | " + edge.deadline + " | "
                        + yn(edge.urgent) + " | " + yn(edge.deferred) + " | " + edge.ieepaDuty() + " | "
                        + edge.description + " |\n");
            }
            Edge invalid = edges.stream().filter(edge -> edge.invalidNumber).findFirst().orElseThrow();
            Edge duplicated = edges.stream().filter(edge -> edge.duplicateLastRow).findFirst().orElseThrow();
            Edge conflict = edges.get(1);
            out.write("\nRows expected in `rejected-rows.csv` from the hand-written part:\n\n");
            out.write("* every row of `" + edges.get(0).entryNumber() + "` (Entry Date `02/30/2025`);\n");
            out.write("* for `" + conflict.entryNumber() + "`, whatever the job writes for an entry-level conflict "
                    + "(Importer Number `" + CORPORATE_IMPORTER + "` on its first row, `" + OTHER_IMPORTER
                    + "` on its second);\n");
            out.write("* the row with entry number `" + invalid.written + "` (bad check digit; it belongs to no "
                    + "entry);\n");
            out.write("* the last row of the file, message `duplicate row` (a copy of a row of `"
                    + duplicated.entryNumber() + "`, which stays eligible).\n\n");
            out.write("Declarant check (SPEC §3 check 12) is off by default. To see `NOT_DECLARANT` (remedy "
                    + "`OTHER_DECLARANT`) on entry `" + edges.get(edges.size() - 1).entryNumber()
                    + "`, configure every filer code but `" + OTHER_FILER + "`:\n\n```\n--cape.declarant.filer-codes="
                    + String.join(",", Es003Generator.FILER_CODES) + "," + EDGE_FILER + "\n```\n\n"
                    + "Reason `ALREADY_DECLARED` needs a ledger: run the sample twice with different run dates and "
                    + "every entry declared by the first run is `ALREADY_DECLARED` in the second.\n");
            out.write(ANSWERS_README);
        }
    }

    /**
     * The sample's CBP answers (sample/answers, sample/release; SPEC §6), written by hand
     * and described here.
     */
    private static final String ANSWERS_README = "\n" + "## CBP's answers (SPEC §6)\n" + "\n"
            + "`answers/` and `release/` continue the loop after the 2026-11-30 run (the main README, \"The whole loop on the\n"
            + "sample\", shows the four commands and what they print):\n" + "\n"
            + "* `answers/1-claim-details-CAPE_47123456700_20261130_001.csv`: the Claim Details of declaration\n"
            + "  `CAPE_47123456700_20261130_001` as ACE exports it (keys wrapped `=\"…\"`): 12 entries `Entry Summary Updated` under\n"
            + "  claim `100000241223`; `XMP00010312` `Failed` `UNABLE TO CALCULATE DUTY` (RESUBMIT: declared again on\n"
            + "  2026-12-01); `XMP00010338` `Failed` `INVALID HTS` (held, `FILE_PSC`); `XMP00010346` `Failed`\n"
            + "  `ENTRY TYPE NOT ALLOWED` (held, `AWAIT_PHASE`).\n"
            + "* `answers/2-ES-022.xlsx`: an ES-022 CAPE Entry Summary Report (sheet `Parameters`, then `Main Report` with a title\n"
            + "  row): `XMP00010221` paid as estimated, `XMP00010247` paid $50.00 short (`CHECK_REFUND`), `XMP00010254` accepted\n"
            + "  and not paid yet, `YOT00010401` accepted under another claim and paid. Written by\n"
            + "  `org.capebatch.generate.SampleAnswersBuilder` (`java -cp target/cape-batch.jar\n"
            + "  -Dloader.main=org.capebatch.generate.SampleAnswersBuilder org.springframework.boot.loader.launch.PropertiesLauncher sample`).\n"
            + "* `release/psc-filed.csv`: releases `XMP00010338` after its PSC was filed (a declaration-style list).\n";

    private static String yn(boolean flag) {
        return flag ? "Y" : "N";
    }

    /**
     * One hand-written entry: its rows and what the job should conclude about it on the
     * run date.
     */
    private static final class Edge {

        final String description;

        final int sequence;

        String filer = EDGE_FILER;

        String written;

        final String[] entry = new String[COUNT];

        final List<String[]> tariff = new ArrayList<>();

        final List<int[]> rowOverrides = new ArrayList<>();

        final List<String> rowOverrideValues = new ArrayList<>();

        boolean ieepaCounted = true;

        boolean duplicateLastRow;

        boolean invalidNumber;

        boolean dashed;

        boolean excelText;

        LocalDate liquidationDate;

        String status = "";

        String reason = "";

        String reasons = "";

        String remedy = "";

        String deadline = "";

        boolean urgent;

        boolean deferred;

        boolean dataError;

        Edge(String description, int sequence) {
            this.description = description;
            this.sequence = sequence;
            java.util.Arrays.fill(entry, "");
            entry[ENTRY_TYPE] = "01";
            entry[IMPORTER_NUMBER] = CORPORATE_IMPORTER;
            entry[IMPORTER_TYPE] = "CORPORATE";
            entry[PORT_OF_ENTRY] = "2704";
            entry[ENTRY_DATE] = "06/16/2025";
            entry[ENTRY_SUMMARY_DATE] = "06/20/2025";
            entry[PAYMENT_DATE] = "07/08/2025";
            entry[SUMMARY_STATUS] = "ACCEPTED";
            entry[LIQUIDATION_STATUS] = "UNLIQUIDATED";
            entry[RECONCILIATION_FLAG] = "N";
            entry[RECONCILIATION_SUMMARY_FILED] = "N";
            entry[DRAWBACK_FLAG] = "N";
            entry[SURETY_PAID] = "N";
            entry[PROTEST_STATUS] = "NONE";
            entry[ADCVD_STATUS] = "NONE";
            entry[STATEMENT_STATUS] = "PAID";
            tariff.add(new String[] { "1", "1", "8471300100", "CN", "$20,000.00", "FREE" });
            tariff.add(new String[] { "1", "2", "99030125", "CN", "$0.00", "$2,000.00" });
            tariff.add(new String[] { "2", "1", "6110202079", "CN", "$5,000.00", "$820.00" });
            tariff.add(new String[] { "2", "2", "99030124", "CN", "$0.00", "$1,000.00" });
            tariff.add(new String[] { "2", "3", "99038815", "CN", "$0.00", "$375.00" });
        }

        Edge set(int column, String value) {
            entry[column] = value;
            return this;
        }

        Edge filer(String code) {
            filer = code;
            return this;
        }

        Edge rowValue(int rowIndex, int column, String value) {
            rowOverrides.add(new int[] { rowIndex, column });
            rowOverrideValues.add(value);
            return this;
        }

        Edge enteredOn(LocalDate date) {
            entry[ENTRY_DATE] = Es003Format.date(date);
            entry[ENTRY_SUMMARY_DATE] = Es003Format.date(date.plusDays(4));
            entry[PAYMENT_DATE] = Es003Format.date(date.plusDays(22));
            ieepaCounted = !date.isBefore(Es003Generator.IEEPA_FIRST) && !date.isAfter(Es003Generator.IEEPA_LAST);
            return this;
        }

        Edge liquidatedOn(LocalDate date) {
            liquidationDate = date;
            entry[LIQUIDATION_STATUS] = "LIQUIDATED";
            entry[LIQUIDATION_DATE] = Es003Format.date(date);
            return this;
        }

        Edge freeIeepaOnly() {
            tariff.set(1, new String[] { "1", "2", "99030132", "CN", "$0.00", "FREE" });
            tariff.set(3, new String[] { "2", "2", "99030104", "MX", "$0.00", "$0.00" });
            tariff.get(2)[3] = "MX";
            return this;
        }

        Edge section122Only() {
            tariff.set(1, new String[] { "1", "2", "99030301", "CN", "$0.00", "$2,000.00" });
            tariff.set(3, new String[] { "2", "2", "99030301", "CN", "$0.00", "$500.00" });
            return this;
        }

        Edge duplicateLastRow() {
            duplicateLastRow = true;
            return this;
        }

        Edge dashedNumberAndDottedHts() {
            dashed = true;
            for (String[] row : tariff) {
                String hts = row[2];
                row[2] = hts.substring(0, 4) + "." + hts.substring(4, 6) + "." + hts.substring(6);
            }
            return this;
        }

        Edge excelTextNumber() {
            excelText = true;
            return this;
        }

        Edge otherSpellings() {
            entry[ENTRY_TYPE] = "1";
            entry[ENTRY_DATE] = "2025-06-16";
            entry[ENTRY_SUMMARY_DATE] = "6/20/2025";
            entry[PAYMENT_DATE] = "7/8/2025";
            entry[SUMMARY_STATUS] = "Accepted";
            entry[LIQUIDATION_STATUS] = "liquidated";
            entry[LIQUIDATION_DATE] = "9/22/2026";
            liquidationDate = LocalDate.of(2026, 9, 22);
            entry[RECONCILIATION_FLAG] = "no";
            entry[RECONCILIATION_SUMMARY_FILED] = "";
            entry[DRAWBACK_FLAG] = "FALSE";
            entry[SURETY_PAID] = "0";
            entry[PROTEST_STATUS] = "none";
            entry[ADCVD_STATUS] = "";
            entry[STATEMENT_STATUS] = "paid";
            entry[IMPORTER_TYPE] = "corporate";
            return this;
        }

        Edge invalidCheckDigit() {
            invalidNumber = true;
            return this;
        }

        String entryNumber() {
            return CheckDigit.entryNumber(filer, sequence);
        }

        List<String[]> rows() {
            String number = entryNumber();
            if (invalidNumber) {
                number = number.substring(0, 10) + (char) ('0' + (number.charAt(10) - '0' + 1) % 10);
            }
            else if (dashed) {
                number = number.substring(0, 3) + "-" + number.substring(3, 10) + "-" + number.substring(10);
            }
            else if (excelText) {
                number = "=\"" + number + "\"";
            }
            written = number;
            List<String[]> rows = new ArrayList<>();
            for (String[] line : tariff) {
                String[] row = entry.clone();
                row[ENTRY_NUMBER] = number;
                row[LINE_NUMBER] = line[0];
                row[TARIFF_ORDINAL] = line[1];
                row[HTS_NUMBER] = line[2];
                row[COUNTRY_OF_ORIGIN] = line[3];
                row[GOODS_VALUE] = line[4];
                row[DUTY_AMOUNT] = line[5];
                rows.add(row);
            }
            for (int i = 0; i < rowOverrides.size(); i++) {
                int[] at = rowOverrides.get(i);
                rows.get(at[0])[at[1]] = rowOverrideValues.get(i);
            }
            return invalidNumber ? rows.subList(0, 1) : rows;
        }

        /**
         * IEEPA principal (SPEC §3): duty on 9903.01/9903.02 rows, only inside the
         * window; 0 for DATA_ERROR.
         */
        String ieepaDuty() {
            if (dataError || !ieepaCounted) {
                return "0.00";
            }
            long cents = 0;
            for (String[] line : tariff) {
                String hts = line[2].replace(".", "");
                if ((hts.startsWith("990301") || hts.startsWith("990302")) && line[5].startsWith("$")) {
                    cents += Long.parseLong(line[5].replaceAll("[$,.]", ""));
                }
            }
            return cents / 100 + "." + (cents % 100 < 10 ? "0" : "") + cents % 100;
        }

        void dataError() {
            dataError = true;
            excluded("DATA_ERROR", "FIX_DATA");
        }

        void excluded(String why, String what) {
            excluded(why, what, why);
        }

        void excluded(String why, String what, String all) {
            status = "EXCLUDED";
            reason = why;
            remedy = what;
            reasons = all;
        }

        void windowPassed() {
            LocalDate protestDeadline = liquidationDate.plusDays(PROTEST_DAYS);
            boolean protest = !RUN_DATE.isAfter(protestDeadline);
            excluded("LIQUIDATION_WINDOW_PASSED", protest ? "PROTEST" : "COURT");
            deadline = protest ? protestDeadline.toString() : "";
        }

        void eligible() {
            status = "ELIGIBLE";
            remedy = "FILE_CAPE";
            if (liquidationDate != null) {
                LocalDate due = liquidationDate.plusDays(WINDOW_DAYS);
                deadline = due.toString();
                urgent = !due.isAfter(RUN_DATE.plusDays(URGENT_DAYS));
            }
        }

        void deferred() {
            eligible();
            deferred = true;
        }

    }

}
