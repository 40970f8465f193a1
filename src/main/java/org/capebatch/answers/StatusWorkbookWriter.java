package org.capebatch.answers;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.capebatch.output.EntriesBarChart;
import org.capebatch.output.ImporterNumbers;
import org.capebatch.output.StableSxssfWorkbook;
import org.capebatch.output.StableXlsx;
import org.capebatch.output.WorkbookStyles;
import org.capebatch.rules.LedgerState;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes {@code status.xlsx} for a person (SPEC §6.6): entries by state and by CBP error,
 * each with a bar chart; held entries soonest deadline first; refund paid vs estimated by
 * importer. Charts need the full XSSF model, so the two small sheets are built in memory
 * and the long ones are streamed by an {@link StableSxssfWorkbook} wrapped around them.
 * SSN-format importer numbers are masked.
 */
public final class StatusWorkbookWriter {

    public static final String FILE_NAME = "status.xlsx";

    public static final String STATES_SHEET = "By state";

    public static final String ERRORS_SHEET = "By CBP error";

    public static final String HELD_SHEET = "Held entries";

    public static final String IMPORTERS_SHEET = "Paid vs estimated";

    /**
     * The ledger has no run date: the zip entries carry this fixed date, so the bytes
     * never depend on the clock.
     */
    static final LocalDate FIXED_DATE = LocalDate.of(2026, 1, 1);

    /**
     * Error texts listed; the rest are summed in one row (the chart must stay readable).
     */
    static final int MAX_ERRORS = 30;

    /** One sheet holds at most 1,048,576 rows. */
    static final int MAX_HELD_ROWS = 1_000_000;

    private static final int WINDOW = 200;

    private static final String HELD = AnswersReportTasklet.ENTRY_STATUS
            + " WHERE s.state = 'FAILED' ORDER BY la.deadline NULLS LAST, s.entry_number";

    private static final String IMPORTERS = """
            SELECT coalesce(s.importer_number, ''), count(*) FILTER (WHERE s.state = 'ACCEPTED'),
                   count(s.refund_amount),
                   coalesce(sum(d.ieepa_duty) FILTER (WHERE s.refund_amount IS NOT NULL), 0),
                   coalesce(sum(s.refund_amount), 0),
                   coalesce(sum(d.interest) FILTER (WHERE s.interest_amount IS NOT NULL), 0),
                   coalesce(sum(s.interest_amount), 0)
              FROM cape_entry_state s
              LEFT JOIN cape_assessment d ON d.run_id = s.run_id AND d.entry_number = s.entry_number
             GROUP BY 1 ORDER BY 1
            """;

    private final JdbcTemplate jdbc;

    private final DataSource dataSource;

    public StatusWorkbookWriter(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /**
     * Writes the workbook; returns the importer rows written (its row count in
     * manifest.json).
     */
    public long write(Path target) throws IOException, SQLException {
        XSSFWorkbook xssf = new XSSFWorkbook();
        WorkbookStyles styles;
        try {
            styles = WorkbookStyles.of(xssf);
            countSheet(xssf, styles, STATES_SHEET, "State", "Entries by state", states());
            countSheet(xssf, styles, ERRORS_SHEET, "CBP error", "Entries by CBP error", errors());
        }
        catch (RuntimeException e) {
            xssf.close();
            throw e;
        }
        StableSxssfWorkbook workbook = new StableSxssfWorkbook(xssf, WINDOW);
        try {
            writeHeld(workbook.createSheet(HELD_SHEET), styles);
            long rows = writeImporters(workbook.createSheet(IMPORTERS_SHEET), styles);
            StableXlsx.write(target, workbook, FIXED_DATE);
            return rows;
        }
        finally {
            StableXlsx.release(workbook);
        }
    }

    private record Count(String name, long entries) {
    }

    private List<Count> states() {
        List<Count> counts = new ArrayList<>();
        for (LedgerState state : LedgerState.values()) {
            Long n = jdbc.queryForObject("SELECT count(*) FROM cape_entry_state WHERE state = ?", Long.class,
                    state.name());
            counts.add(new Count(state.name(), n == null ? 0 : n));
        }
        return counts;
    }

    /**
     * Failed and RESUBMIT-released entries by the CBP text they came back with, most
     * frequent first.
     */
    private List<Count> errors() {
        List<Count> all = jdbc.query(
                "SELECT cbp_error, count(*) FROM cape_entry_state WHERE cbp_error IS NOT NULL"
                        + " GROUP BY cbp_error ORDER BY count(*) DESC, cbp_error",
                (rs, i) -> new Count(rs.getString(1), rs.getLong(2)));
        if (all.size() <= MAX_ERRORS) {
            return all;
        }
        List<Count> shown = new ArrayList<>(all.subList(0, MAX_ERRORS - 1));
        shown.add(new Count("(" + (all.size() - MAX_ERRORS + 1) + " other texts)",
                all.subList(MAX_ERRORS - 1, all.size()).stream().mapToLong(Count::entries).sum()));
        return shown;
    }

    private static void countSheet(XSSFWorkbook xssf, WorkbookStyles styles, String name, String label, String title,
            List<Count> counts) {
        XSSFSheet sheet = xssf.createSheet(name);
        styles.header(sheet.createRow(0), label, "Entries");
        for (int i = 0; i < counts.size(); i++) {
            Row row = sheet.createRow(i + 1);
            styles.text(row, 0, counts.get(i).name());
            styles.number(row, 1, counts.get(i).entries());
        }
        sheet.setColumnWidth(0, 44 * 256);
        sheet.setColumnWidth(1, 10 * 256);
        if (!counts.isEmpty()) {
            new EntriesBarChart(title, 3, null, null).addTo(sheet, counts.size());
        }
    }

    private void writeHeld(SXSSFSheet sheet, WorkbookStyles styles) throws IOException, SQLException {
        styles.header(sheet.createRow(0), "Deadline", "Urgent", "Entry", "Importer", "Declaration", "CBP error",
                "Remedy", "IEEPA duty");
        sheet.setColumnWidth(2, 14 * 256);
        sheet.setColumnWidth(4, 30 * 256);
        sheet.setColumnWidth(5, 44 * 256);
        int[] r = { 1 };
        AnswersReportTasklet.stream(dataSource, HELD, List.of(), rs -> {
            if (r[0] > MAX_HELD_ROWS) {
                return;
            }
            EntryStatus e = AnswersReportTasklet.entryStatus(rs);
            Row row = sheet.createRow(r[0]++);
            styles.date(row, 0, e.deadline());
            styles.text(row, 1, e.urgent() ? "Y" : "N");
            styles.text(row, 2, e.entryNumber());
            styles.text(row, 3, ImporterNumbers.masked(e.importerNumber()));
            styles.text(row, 4, AnswersReportTasklet.declarationFile(e));
            styles.text(row, 5, e.cbpError());
            styles.text(row, 6, e.remedy());
            styles.money(row, 7, e.ieepaDuty());
        });
    }

    private long writeImporters(SXSSFSheet sheet, WorkbookStyles styles) throws IOException, SQLException {
        styles.header(sheet.createRow(0), "Importer", "Accepted", "Paid", "Principal estimated", "Principal paid",
                "Interest estimated", "Interest paid", "Principal variance");
        sheet.setColumnWidth(0, 20 * 256);
        for (int c = 3; c <= 7; c++) {
            sheet.setColumnWidth(c, 18 * 256);
        }
        long[] rows = { 0 };
        AnswersReportTasklet.stream(dataSource, IMPORTERS, List.of(), rs -> {
            Row row = sheet.createRow((int) ++rows[0]);
            styles.text(row, 0, ImporterNumbers.masked(rs.getString(1)));
            styles.number(row, 1, rs.getLong(2));
            styles.number(row, 2, rs.getLong(3));
            styles.money(row, 3, rs.getBigDecimal(4));
            styles.money(row, 4, rs.getBigDecimal(5));
            styles.money(row, 5, rs.getBigDecimal(6));
            styles.money(row, 6, rs.getBigDecimal(7));
            styles.money(row, 7, rs.getBigDecimal(5).subtract(rs.getBigDecimal(4)));
        });
        return rows[0];
    }

}
