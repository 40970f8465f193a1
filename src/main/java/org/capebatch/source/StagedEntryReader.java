package org.capebatch.source;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.capebatch.entry.AdcvdStatus;
import org.capebatch.entry.EntryFacts;
import org.capebatch.entry.EntryNumber;
import org.capebatch.entry.ImporterType;
import org.capebatch.entry.LiquidationStatus;
import org.capebatch.entry.ParsedRow;
import org.capebatch.entry.ProtestStatus;
import org.capebatch.entry.RowError;
import org.capebatch.entry.RowSource;
import org.capebatch.entry.StatementStatus;
import org.capebatch.entry.SummaryStatus;
import org.capebatch.entry.TariffRow;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Streams the staged rows of one entry-number range, grouped by entry, in batches of whole entries. One forward
 * cursor on its own connection (autocommit off, so the driver honours the fetch size and memory stays flat).
 * Restart state is the last entry of the last committed batch; a restart re-queries after it, never re-reads.
 */
public class StagedEntryReader implements ItemStreamReader<List<StagedEntry>> {

    private static final String LAST_ENTRY = "last.entry";
    private static final String SQL = """
            SELECT entry_number, file_index, line, rejected, line_number, tariff_ordinal, hts_number, duty,
                   entry_type, importer_number, entry_date, entry_summary_date, payment_date, summary_status,
                   liquidation_status, liquidation_date, reconciliation_flag, reconciliation_summary_filed,
                   drawback_flag, surety_paid, protest_status, adcvd_status, statement_status, importer_type
              FROM cape_staged_row
             WHERE run_id = ? AND entry_number > ? AND entry_number <= ?
             ORDER BY entry_number, file_index, line
            """;
    /**
     * Stands in for the errors of a row rejected at import: they are already in cape_rejected_row, so the assess
     * step must not record them again (see {@link #isImportRejection}).
     */
    private static final RowError REJECTED_AT_IMPORT = new RowError(new RowSource("", 0), "", "", "rejected at import");

    private final DataSource dataSource;
    private final long runId;
    private final String fromExclusive;
    private final String toInclusive;
    private final int batchEntries;
    private final Map<Integer, String> fileNames;

    private Connection connection;
    private PreparedStatement statement;
    private ResultSet rs;
    private boolean hasRow;
    private String lastReturned;

    public StagedEntryReader(DataSource dataSource, long runId, String fromExclusive, String toInclusive,
            int batchEntries, Map<Integer, String> fileNames) {
        this.dataSource = dataSource;
        this.runId = runId;
        this.fromExclusive = fromExclusive;
        this.toInclusive = toInclusive;
        this.batchEntries = batchEntries;
        this.fileNames = fileNames;
    }

    @Override
    public void open(ExecutionContext context) {
        lastReturned = context.getString(LAST_ENTRY, fromExclusive);
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            statement = connection.prepareStatement(SQL, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(10_000);
            statement.setLong(1, runId);
            statement.setString(2, lastReturned);
            statement.setString(3, toInclusive);
            rs = statement.executeQuery();
            hasRow = rs.next();
        } catch (SQLException e) {
            close();
            throw new ItemStreamException("Cannot read staged rows: " + e.getMessage(), e);
        }
    }

    @Override
    public List<StagedEntry> read() throws SQLException {
        List<StagedEntry> batch = new ArrayList<>(batchEntries);
        while (hasRow && batch.size() < batchEntries) {
            String number = rs.getString(1);
            EntryNumber entry = new EntryNumber(number);
            List<ParsedRow> rows = new ArrayList<>(4);
            while (hasRow && number.equals(rs.getString(1))) {
                rows.add(toParsedRow(entry));
                hasRow = rs.next();
            }
            batch.add(new StagedEntry(entry, rows));
        }
        if (batch.isEmpty()) {
            return null;
        }
        lastReturned = batch.get(batch.size() - 1).number().value();
        return batch;
    }

    private ParsedRow toParsedRow(EntryNumber entry) throws SQLException {
        RowSource source = new RowSource(fileNames.get(rs.getInt(2)), rs.getLong(3));
        if (rs.getBoolean(4)) {
            return new ParsedRow(source, entry, null, List.of(REJECTED_AT_IMPORT));
        }
        EntryFacts facts = new EntryFacts(
                rs.getString(9), rs.getString(10),
                Sql.date(rs, 11), Sql.date(rs, 12), Sql.date(rs, 13),
                Sql.enumValue(rs, 14, SummaryStatus.class),
                Sql.enumValue(rs, 15, LiquidationStatus.class),
                Sql.date(rs, 16),
                rs.getBoolean(17), rs.getBoolean(18), rs.getBoolean(19), rs.getBoolean(20),
                Sql.enumValue(rs, 21, ProtestStatus.class),
                Sql.enumValue(rs, 22, AdcvdStatus.class),
                Sql.enumValue(rs, 23, StatementStatus.class),
                Sql.enumValue(rs, 24, ImporterType.class));
        TariffRow row = new TariffRow(source, entry, Sql.integer(rs, 5), Sql.integer(rs, 6), rs.getString(7),
                rs.getBigDecimal(8), facts);
        return new ParsedRow(source, entry, row, List.of());
    }

    public static boolean isImportRejection(RowError error) {
        return error == REJECTED_AT_IMPORT;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putString(LAST_ENTRY, lastReturned);
    }

    @Override
    public void close() {
        try {
            if (rs != null) {
                rs.close();
            }
            if (statement != null) {
                statement.close();
            }
            if (connection != null) {
                connection.rollback();
                connection.setAutoCommit(true);
                connection.setReadOnly(false);
                connection.close();
            }
        } catch (SQLException e) {
            throw new ItemStreamException("Cannot close staged-row cursor", e);
        } finally {
            rs = null;
            statement = null;
            connection = null;
        }
    }
}
