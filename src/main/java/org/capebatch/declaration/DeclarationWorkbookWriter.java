package org.capebatch.declaration;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.capebatch.output.AtomicFile;
import org.capebatch.output.CsvCells;
import org.capebatch.output.ImporterNumbers;
import org.capebatch.output.StableSxssfWorkbook;
import org.capebatch.output.StableXlsx;
import org.capebatch.output.WorkbookStyles;
import org.capebatch.output.XlsxTemplate;
import org.capebatch.rules.Assessment;

/**
 * Writes a declaration as a workbook (SPEC §5): sheet "Entry Numbers" laid out like CBP's
 * upload template (A1 {@code Entry Number}, one entry number per row as a text cell — a
 * numeric cell would lose leading zeros when saved as CSV), sheet "Detail" with each
 * entry's refund estimate, and sheet "Summary" with the totals. Both list sheets keep
 * their header row frozen; Detail has an autofilter over its columns. Same entries, same
 * bytes.
 *
 * <p>
 * A run writes one workbook per declaration, thousands of them for a broker with many
 * importers, so the layout is built by POI ({@link SXSSFWorkbook}, {@link StableXlsx})
 * once per run date and each workbook is written from that {@link XlsxTemplate} with only
 * its rows: the same bytes POI writes, for a fraction of the CPU (a test compares both).
 */
public final class DeclarationWorkbookWriter {

    public static final String ENTRY_SHEET = "Entry Numbers";

    public static final String DETAIL_SHEET = "Detail";

    public static final String SUMMARY_SHEET = "Summary";

    private static final String[] DETAIL_HEADERS = { "Entry Number", "Importer", "Entry Type", "IEEPA Duty", "Interest",
            "Refund Total", "Rate Type", "Rate Assumed", "Refund Deferred", "Deadline", "Urgent" };

    private static final int[] DETAIL_WIDTHS = { 16, 16, 11, 14, 12, 14, 16, 13, 16, 12, 8 };

    private static final int WINDOW = 200;

    /**
     * The Detail sheet's autofilter: the header row and room for every entry a
     * declaration may hold.
     */
    static final CellRangeAddress DETAIL_FILTER = new CellRangeAddress(0, DeclarationCsvWriter.MAX_ENTRIES, 0,
            DETAIL_HEADERS.length - 1);

    /**
     * The POI-built layout for one run date (the run date is the workbook's "created"
     * property).
     */
    private record Layout(LocalDate runDate, XlsxTemplate template, int header, int text, int money, int date) {
    }

    private static volatile Layout layout;

    private DeclarationWorkbookWriter() {
    }

    /**
     * Writes {@code target} for declaration {@code declarationName} (the CSV's file
     * name). {@code entries} must be eligible, strictly ascending by entry number, at
     * most 9,999. Returns the entries written.
     */
    public static long write(Path target, String declarationName, LocalDate runDate, List<Assessment> entries)
            throws IOException {
        long[] rows = new long[1];
        AtomicFile.write(target, out -> rows[0] = write(out, declarationName, runDate, entries));
        return rows[0];
    }

    /**
     * Writes the workbook to {@code out} (left open); otherwise as
     * {@link #write(Path, String, LocalDate, List)}.
     */
    public static long write(OutputStream out, String declarationName, LocalDate runDate, List<Assessment> entries)
            throws IOException {
        check(entries);
        Layout l = layout(runDate);
        BigDecimal[] totals = { BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO };
        l.template().write(out, runDate.atStartOfDay(), List.of(rows -> {
            rows.row(0).text(0, DeclarationCsvWriter.HEADER, l.text());
            int r = 0;
            for (Assessment a : entries) {
                rows.row(++r).text(0, a.entryNumber(), l.text());
            }
        }, rows -> {
            rows.row(0);
            for (int i = 0; i < DETAIL_HEADERS.length; i++) {
                rows.text(i, DETAIL_HEADERS[i], l.header());
            }
            int r = 0;
            for (Assessment a : entries) {
                rows.row(++r)
                    .text(0, a.entryNumber(), l.text())
                    .text(1, ImporterNumbers.masked(a.importerNumber()), l.text())
                    .text(2, a.entryType(), l.text());
                money(rows, 3, a.ieepaDuty(), l);
                money(rows, 4, a.interest(), l);
                money(rows, 5, a.refundTotal(), l);
                rows.text(6, a.rateType() == null ? null : a.rateType().name(), l.text())
                    .text(7, CsvCells.flag(a.rateAssumed()), l.text())
                    .text(8, CsvCells.flag(a.refundDeferred()), l.text());
                date(rows, 9, a.deadline(), l);
                rows.text(10, CsvCells.flag(a.urgent()), l.text());
                totals[0] = totals[0].add(a.ieepaDuty());
                totals[1] = totals[1].add(a.interest());
                totals[2] = totals[2].add(a.refundTotal());
            }
        }, rows -> {
            rows.row(0).text(0, "Declaration", l.text()).text(1, declarationName, l.text());
            rows.row(1).text(0, "Run date", l.text());
            date(rows, 1, runDate, l);
            rows.row(2).text(0, "Entries", l.text()).number(1, entries.size(), 0);
            rows.row(3).text(0, "IEEPA duty", l.text());
            money(rows, 1, totals[0], l);
            rows.row(4).text(0, "Interest", l.text());
            money(rows, 1, totals[1], l);
            rows.row(5).text(0, "Refund total", l.text());
            money(rows, 1, totals[2], l);
        }));
        return entries.size();
    }

    private static void money(XlsxTemplate.Rows rows, int column, BigDecimal amount, Layout l) {
        if (amount != null) {
            rows.number(column, amount.doubleValue(), l.money());
        }
    }

    /**
     * As POI's {@code setCellValue(LocalDate)}: Excel's day number of the date at
     * midnight, 1900 date system.
     */
    private static void date(XlsxTemplate.Rows rows, int column, LocalDate value, Layout l) {
        if (value != null) {
            rows.number(column, DateUtil.getExcelDate(value.atStartOfDay(), false), l.date());
        }
    }

    private static Layout layout(LocalDate runDate) throws IOException {
        Layout current = layout;
        if (current == null || !current.runDate().equals(runDate)) {
            ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
            WorkbookStyles[] styles = new WorkbookStyles[1];
            writeWithPoi(xlsx, "template.csv", runDate, List.of(), s -> styles[0] = s);
            WorkbookStyles s = styles[0];
            current = new Layout(runDate, XlsxTemplate.of(xlsx.toByteArray()), s.header().getIndex() & 0xffff,
                    s.text().getIndex() & 0xffff, s.money().getIndex() & 0xffff, s.date().getIndex() & 0xffff);
            layout = current;
        }
        return current;
    }

    /**
     * The workbook built cell by cell through POI: the source of the template, and the
     * reference the template's output is tested against.
     */
    static long writeWithPoi(OutputStream out, String declarationName, LocalDate runDate, List<Assessment> entries,
            Consumer<WorkbookStyles> stylesUsed) throws IOException {
        check(entries);
        StableSxssfWorkbook workbook = new StableSxssfWorkbook(WINDOW);
        try {
            WorkbookStyles styles = WorkbookStyles.of(workbook);
            stylesUsed.accept(styles);
            SXSSFSheet numbers = workbook.createSheet(ENTRY_SHEET);
            SXSSFSheet detail = workbook.createSheet(DETAIL_SHEET);
            numbers.setDefaultColumnStyle(0, styles.text());
            numbers.setColumnWidth(0, 16 * 256);
            numbers.createRow(0).createCell(0).setCellValue(DeclarationCsvWriter.HEADER);
            numbers.createFreezePane(0, 1);
            styles.header(detail.createRow(0), DETAIL_HEADERS);
            detail.createFreezePane(0, 1);
            // A fixed range (header plus the most entries a declaration holds): the
            // template replays the layout
            // part of the sheet unchanged, so the filter cannot follow each workbook's
            // row count.
            detail.setAutoFilter(DETAIL_FILTER);
            for (int i = 0; i < DETAIL_WIDTHS.length; i++) {
                detail.setColumnWidth(i, DETAIL_WIDTHS[i] * 256);
            }

            BigDecimal duty = BigDecimal.ZERO;
            BigDecimal interest = BigDecimal.ZERO;
            BigDecimal refund = BigDecimal.ZERO;
            int r = 0;
            for (Assessment a : entries) {
                r++;
                styles.text(numbers.createRow(r), 0, a.entryNumber());
                Row row = detail.createRow(r);
                styles.text(row, 0, a.entryNumber());
                styles.text(row, 1, ImporterNumbers.masked(a.importerNumber()));
                styles.text(row, 2, a.entryType());
                styles.money(row, 3, a.ieepaDuty());
                styles.money(row, 4, a.interest());
                styles.money(row, 5, a.refundTotal());
                styles.text(row, 6, a.rateType() == null ? null : a.rateType().name());
                styles.text(row, 7, CsvCells.flag(a.rateAssumed()));
                styles.text(row, 8, CsvCells.flag(a.refundDeferred()));
                styles.date(row, 9, a.deadline());
                styles.text(row, 10, CsvCells.flag(a.urgent()));
                duty = duty.add(a.ieepaDuty());
                interest = interest.add(a.interest());
                refund = refund.add(a.refundTotal());
            }

            SXSSFSheet summary = workbook.createSheet(SUMMARY_SHEET);
            summary.setColumnWidth(0, 16 * 256);
            summary.setColumnWidth(1, 36 * 256);
            Row row = summary.createRow(0);
            styles.text(row, 0, "Declaration");
            styles.text(row, 1, declarationName);
            row = summary.createRow(1);
            styles.text(row, 0, "Run date");
            styles.date(row, 1, runDate);
            row = summary.createRow(2);
            styles.text(row, 0, "Entries");
            styles.number(row, 1, r);
            row = summary.createRow(3);
            styles.text(row, 0, "IEEPA duty");
            styles.money(row, 1, duty);
            row = summary.createRow(4);
            styles.text(row, 0, "Interest");
            styles.money(row, 1, interest);
            row = summary.createRow(5);
            styles.text(row, 0, "Refund total");
            styles.money(row, 1, refund);

            StableXlsx.write(out, workbook, runDate);
            return r;
        }
        finally {
            StableXlsx.release(workbook);
        }
    }

    private static void check(List<Assessment> entries) {
        if (entries.size() > DeclarationCsvWriter.MAX_ENTRIES) {
            throw new IllegalArgumentException(
                    "a declaration holds at most " + DeclarationCsvWriter.MAX_ENTRIES + " entries");
        }
        String last = null;
        for (Assessment a : entries) {
            DeclarationCsvWriter.requireEntryNumber(a.entryNumber());
            if (!a.eligible()) {
                throw new IllegalArgumentException("only eligible entries are declared: " + a.entryNumber());
            }
            if (last != null && a.entryNumber().compareTo(last) <= 0) {
                throw new IllegalArgumentException(
                        "entry numbers must be strictly ascending: " + a.entryNumber() + " after " + last);
            }
            last = a.entryNumber();
        }
    }

}
