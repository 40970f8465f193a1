package org.capebatch.declaration;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.capebatch.output.CsvCells;
import org.capebatch.output.ImporterNumbers;
import org.capebatch.output.StableSxssfWorkbook;
import org.capebatch.output.StableXlsx;
import org.capebatch.output.WorkbookStyles;
import org.capebatch.rules.Assessment;

/**
 * Writes a declaration as a workbook (SPEC §5), streamed with {@link SXSSFWorkbook}: sheet "Entry Numbers" laid
 * out like CBP's upload template (A1 {@code Entry Number}, one entry number per row as a text cell — a numeric
 * cell would lose leading zeros when saved as CSV), sheet "Detail" with each entry's refund estimate, and sheet
 * "Summary" with the totals, which are summed while the detail rows stream by. Same entries, same bytes
 * ({@link StableXlsx}).
 */
public final class DeclarationWorkbookWriter {

    public static final String ENTRY_SHEET = "Entry Numbers";
    public static final String DETAIL_SHEET = "Detail";
    public static final String SUMMARY_SHEET = "Summary";

    private static final int WINDOW = 200;

    private DeclarationWorkbookWriter() {
    }

    /**
     * Writes {@code target} for declaration {@code declarationName} (the CSV's file name). {@code entries} must be
     * eligible, strictly ascending by entry number, at most 9,999. Returns the entries written.
     */
    public static long write(Path target, String declarationName, LocalDate runDate, Iterable<Assessment> entries)
            throws IOException {
        StableSxssfWorkbook workbook = new StableSxssfWorkbook(WINDOW);
        try {
            WorkbookStyles styles = WorkbookStyles.of(workbook);
            SXSSFSheet numbers = workbook.createSheet(ENTRY_SHEET);
            SXSSFSheet detail = workbook.createSheet(DETAIL_SHEET);
            numbers.setDefaultColumnStyle(0, styles.text());
            numbers.setColumnWidth(0, 16 * 256);
            numbers.createRow(0).createCell(0).setCellValue(DeclarationCsvWriter.HEADER);
            styles.header(detail.createRow(0), "Entry Number", "Importer", "Entry Type", "IEEPA Duty", "Interest",
                    "Refund Total", "Rate Type", "Rate Assumed", "Refund Deferred", "Deadline", "Urgent");
            int[] widths = {16, 16, 11, 14, 12, 14, 16, 13, 16, 12, 8};
            for (int i = 0; i < widths.length; i++) {
                detail.setColumnWidth(i, widths[i] * 256);
            }

            BigDecimal duty = BigDecimal.ZERO;
            BigDecimal interest = BigDecimal.ZERO;
            BigDecimal refund = BigDecimal.ZERO;
            String last = null;
            int r = 0;
            for (Assessment a : entries) {
                check(a, last, r);
                last = a.entryNumber();
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

            StableXlsx.write(target, workbook, runDate);
            return r;
        } finally {
            StableXlsx.release(workbook);
        }
    }

    private static void check(Assessment a, String last, int written) {
        DeclarationCsvWriter.requireEntryNumber(a.entryNumber());
        if (!a.eligible()) {
            throw new IllegalArgumentException("only eligible entries are declared: " + a.entryNumber());
        }
        if (last != null && a.entryNumber().compareTo(last) <= 0) {
            throw new IllegalArgumentException(
                    "entry numbers must be strictly ascending: " + a.entryNumber() + " after " + last);
        }
        if (written >= DeclarationCsvWriter.MAX_ENTRIES) {
            throw new IllegalArgumentException(
                    "a declaration holds at most " + DeclarationCsvWriter.MAX_ENTRIES + " entries");
        }
    }
}
