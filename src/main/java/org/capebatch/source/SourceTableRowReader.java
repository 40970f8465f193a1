package org.capebatch.source;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import org.capebatch.entry.Es003Column;

/**
 * Reads the canonical source tables of {@code input=db} (V3__source_tables.sql) as if
 * they were one ES-003 export: summaries joined to their tariff lines, ordered by entry,
 * line and ordinal, each value turned into the text a file would hold, so the rows go
 * through exactly the same validation as file rows. "Line" numbers count the rows of that
 * ordered join (the header being line 1), which is what rejected-rows.csv reports for
 * this source.
 */
public class SourceTableRowReader implements RawRowReader {

    /** The name rows of this source carry in rejected-rows.csv. */
    public static final String SOURCE_NAME = "cape_source_tariff_line";

    /**
     * In Es003Column order; a FULL JOIN, so orphans on either side still come through (as
     * DATA_ERROR).
     */
    private static final String SQL = """
            SELECT coalesce(e.entry_summary_number, t.entry_summary_number), e.entry_type_code, e.importer_number,
                   e.entry_date, t.hts_number_full, t.line_tariff_duty_amount, t.entry_summary_line_number,
                   t.tariff_ordinal_number, e.entry_summary_date, e.payment_date, e.entry_summary_status,
                   e.liquidation_status, e.liquidation_date, e.reconciliation_flag, e.reconciliation_summary_filed,
                   e.drawback_flag, e.surety_paid, e.protest_status, e.adcvd_status, e.statement_status,
                   e.importer_type
              FROM cape_source_entry e
              FULL JOIN cape_source_tariff_line t ON t.entry_summary_number = e.entry_summary_number
             ORDER BY 1, t.entry_summary_line_number NULLS FIRST, t.tariff_ordinal_number NULLS FIRST,
                      t.hts_number_full NULLS FIRST, t.line_tariff_duty_amount NULLS FIRST
            """;

    private static final Es003Column[] COLUMNS = Es003Column.values();

    private final Connection connection;

    private final PreparedStatement statement;

    private final ResultSet rs;

    private long line = 1;

    public SourceTableRowReader(DataSource dataSource) {
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            statement = connection.prepareStatement(SQL, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(5_000);
            rs = statement.executeQuery();
        }
        catch (SQLException e) {
            throw new MalformedSourceException(java.nio.file.Path.of(SOURCE_NAME), 0,
                    "cannot read the source tables: " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> header() {
        return Arrays.stream(COLUMNS).map(Es003Column::header).toList();
    }

    @Override
    public RawRow next() {
        try {
            if (!rs.next()) {
                return null;
            }
            String[] cells = new String[COLUMNS.length];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = text(rs.getObject(i + 1));
            }
            return new RawRow(++line, cells);
        }
        catch (SQLException e) {
            throw new MalformedSourceException(java.nio.file.Path.of(SOURCE_NAME), line,
                    "cannot read the source tables: " + e.getMessage(), e);
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate().toString();
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        if (value instanceof Boolean flag) {
            return flag ? "Y" : "N";
        }
        return value.toString();
    }

    @Override
    public long linesConsumed() {
        return line;
    }

    @Override
    public void close() {
        try (connection; statement; rs) {
            connection.rollback();
            connection.setAutoCommit(true);
        }
        catch (SQLException e) {
            throw new MalformedSourceException(java.nio.file.Path.of(SOURCE_NAME), line,
                    "cannot close the source cursor", e);
        }
    }

}
