package org.capebatch.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.capebatch.output.EntriesBarChart;
import org.capebatch.output.ImporterNumbers;
import org.capebatch.output.StableSxssfWorkbook;
import org.capebatch.output.StableXlsx;
import org.capebatch.output.WorkbookStyles;

/**
 * Writes {@code summary.xlsx}, the run's totals for a person (SPEC §5): sheet "Summary",
 * sheet "Excluded by reason" with a bar chart, and sheet "Refund by importer". Charts
 * need the full XSSF model, so the first two (small) sheets are built in memory and the
 * importer sheet, which may hold thousands of rows, is streamed by an
 * {@link SXSSFWorkbook} wrapped around them. SSN-format importer numbers are masked;
 * entries without one are labelled {@link #NO_IMPORTER}. The importer sheet keeps its
 * header frozen and has an autofilter over its rows; the chart lists reasons by entry
 * count, most first.
 */
public final class SummaryWorkbookWriter {

    public static final String FILE_NAME = "summary.xlsx";

    private static final EntriesBarChart REASONS_CHART = new EntriesBarChart("Excluded entries by reason", 4, "Reason",
            "Entries");

    public static final String SUMMARY_SHEET = "Summary";

    public static final String REASONS_SHEET = "Excluded by reason";

    public static final String IMPORTERS_SHEET = "Refund by importer";

    /**
     * The importer cell of entries without an importer number (DATA_ERROR entries),
     * instead of a blank.
     */
    public static final String NO_IMPORTER = "(no importer number)";

    private static final int WINDOW = 200;

    private SummaryWorkbookWriter() {
    }

    /**
     * Writes the workbook; {@code importers} are written in the order given. Returns the
     * importer rows written.
     */
    public static long write(Path target, SummaryData data, Iterator<ImporterTotal> importers) throws IOException {
        XSSFWorkbook xssf = new XSSFWorkbook();
        WorkbookStyles styles;
        try {
            styles = WorkbookStyles.of(xssf);
            buildSmallSheets(xssf, styles, data);
        }
        catch (RuntimeException e) {
            xssf.close();
            throw e;
        }
        StableSxssfWorkbook workbook = new StableSxssfWorkbook(xssf, WINDOW);
        try {
            long rows = writeImporters(workbook, styles, importers);
            StableXlsx.write(target, workbook, data.runDate());
            return rows;
        }
        finally {
            StableXlsx.release(workbook);
        }
    }

    private static void buildSmallSheets(XSSFWorkbook xssf, WorkbookStyles styles, SummaryData data) {
        XSSFSheet summary = xssf.createSheet(SUMMARY_SHEET);
        int r = 0;
        styles.header(summary.createRow(r++), "Item", "Value");
        Row row = summary.createRow(r++);
        styles.text(row, 0, "Run date");
        styles.date(row, 1, data.runDate());
        row = summary.createRow(r++);
        styles.text(row, 0, "Input");
        styles.text(row, 1, data.input());
        r = count(summary, styles, r, "Rows read", data.rowsRead());
        r = count(summary, styles, r, "Rows rejected", data.rowsRejected());
        r = count(summary, styles, r, "Entries", data.entries());
        r = count(summary, styles, r, "Eligible", data.eligible());
        r = count(summary, styles, r, "Excluded", data.excluded());
        row = summary.createRow(r++);
        styles.text(row, 0, "IEEPA duty (eligible)");
        styles.money(row, 1, data.ieepaDuty());
        row = summary.createRow(r++);
        styles.text(row, 0, "Interest (eligible)");
        styles.money(row, 1, data.interest());
        row = summary.createRow(r);
        styles.text(row, 0, "Refund total (eligible)");
        styles.money(row, 1, data.refundTotal());
        summary.setColumnWidth(0, 26 * 256);
        summary.setColumnWidth(1, 40 * 256);

        XSSFSheet reasons = xssf.createSheet(REASONS_SHEET);
        styles.header(reasons.createRow(0), "Reason", "Entries", "IEEPA duty at stake");
        // Most entries first (the chart reads by size), ties in check order of SPEC §3,
        // whatever order the
        // caller's query produced.
        List<ReasonCount> sorted = data.excludedByReason()
            .stream()
            .sorted(Comparator.comparingLong(ReasonCount::entries).reversed().thenComparing(ReasonCount::reason))
            .toList();
        for (int i = 0; i < sorted.size(); i++) {
            ReasonCount c = sorted.get(i);
            row = reasons.createRow(i + 1);
            styles.text(row, 0, c.reason().name());
            styles.number(row, 1, c.entries());
            styles.money(row, 2, c.ieepaDuty());
        }
        reasons.setColumnWidth(0, 30 * 256);
        reasons.setColumnWidth(1, 10 * 256);
        reasons.setColumnWidth(2, 20 * 256);
        if (!sorted.isEmpty()) {
            REASONS_CHART.addTo(reasons, sorted.size());
        }
    }

    private static int count(XSSFSheet sheet, WorkbookStyles styles, int r, String label, long value) {
        Row row = sheet.createRow(r);
        styles.text(row, 0, label);
        styles.number(row, 1, value);
        return r + 1;
    }

    private static long writeImporters(SXSSFWorkbook workbook, WorkbookStyles styles,
            Iterator<ImporterTotal> importers) {
        SXSSFSheet sheet = workbook.createSheet(IMPORTERS_SHEET);
        sheet.setColumnWidth(0, 20 * 256);
        sheet.setColumnWidth(3, 18 * 256);
        styles.header(sheet.createRow(0), "Importer", "Entries", "Eligible", "Refund total");
        sheet.createFreezePane(0, 1);
        int r = 1;
        while (importers.hasNext()) {
            ImporterTotal t = importers.next();
            Row row = sheet.createRow(r++);
            String importer = t.importerNumber() == null || t.importerNumber().isBlank() ? NO_IMPORTER
                    : ImporterNumbers.masked(t.importerNumber());
            styles.text(row, 0, importer);
            styles.number(row, 1, t.entries());
            styles.number(row, 2, t.eligible());
            styles.money(row, 3, t.refundTotal());
        }
        // Set after the rows are streamed: the filter and its defined name are written
        // with the sheet's layout.
        sheet.setAutoFilter(new CellRangeAddress(0, r - 1, 0, 3));
        return r - 1L;
    }

}
