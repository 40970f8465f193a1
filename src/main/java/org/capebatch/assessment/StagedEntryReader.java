package org.capebatch.assessment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.capebatch.entry.EntryNumber;
import org.capebatch.entry.Es003Column;
import org.capebatch.entry.RowError;
import org.capebatch.entry.RowSource;
import org.capebatch.rules.LedgerVerdict;
import org.capebatch.run.CapeRun;
import org.capebatch.source.FragmentCodec;
import org.capebatch.source.StagedRow;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Streams the staged fragments of one entry-number range, one entry (with all its rows)
 * per item. One forward cursor on its own connection (autocommit off, so the driver
 * honours the fetch size and memory stays flat). Each entry carries the ledger's verdict
 * on it (checks 13 and 14), looked up for a block of entries read ahead (one query per
 * block, not per entry). Restart state is the last entry handed out in the last committed
 * chunk; a restart re-queries after it, so entries read ahead but not handed out are read
 * again.
 */
public class StagedEntryReader implements ItemStreamReader<StagedEntry> {

    private static final String LAST_ENTRY = "last.entry";

    /**
     * Most rows one entry may have (README "Choices"): an entry summary has at most 999
     * lines of a few tariff rows each, so more is not an ES-003 export. Up to it an entry
     * is held in memory whole; past it, only counted.
     */
    public static final int MAX_ENTRY_ROWS = 20_000;

    private static final int COLUMNS = Es003Column.values().length;

    private static final String SQL = """
            SELECT entry_number, file_index, payload, row_count
              FROM cape_staged_fragment
             WHERE run_id = ? AND entry_number > ? AND entry_number <= ?
             ORDER BY entry_number, file_index, first_line
            """;

    private final DataSource dataSource;

    private final long runId;

    private final String fromExclusive;

    private final String toInclusive;

    private final int lookAhead;

    private final Map<Integer, String> fileNames;

    private final LedgerVerdicts ledger;

    /**
     * Read from the cursor, waiting for their ledger verdicts (kept if the look-up fails,
     * for the retried read).
     */
    private final List<StagedEntry> unjudged = new ArrayList<>();

    /** With their verdicts, not yet handed out. */
    private final Deque<StagedEntry> ready = new ArrayDeque<>();

    private Connection connection;

    private PreparedStatement statement;

    private ResultSet rs;

    private boolean hasRow;

    private String lastReturned;

    public StagedEntryReader(DataSource dataSource, CapeRun run, String fromExclusive, String toInclusive,
            int lookAhead, Map<Integer, String> fileNames, LedgerVerdicts ledger) {
        this.dataSource = dataSource;
        this.runId = run.id();
        this.fromExclusive = fromExclusive;
        this.toInclusive = toInclusive;
        this.lookAhead = lookAhead;
        this.fileNames = fileNames;
        this.ledger = ledger;
    }

    @Override
    public void open(ExecutionContext context) {
        lastReturned = context.getString(LAST_ENTRY, fromExclusive);
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            statement = connection.prepareStatement(SQL, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(2_000);
            statement.setLong(1, runId);
            statement.setString(2, lastReturned);
            statement.setString(3, toInclusive);
            rs = statement.executeQuery();
            hasRow = rs.next();
        }
        catch (SQLException e) {
            close();
            throw new ItemStreamException("Cannot read staged rows: " + e.getMessage(), e);
        }
    }

    @Override
    public StagedEntry read() throws SQLException {
        if (ready.isEmpty()) {
            if (unjudged.isEmpty()) {
                readAhead();
            }
            ready.addAll(withLedger(unjudged));
            unjudged.clear();
        }
        StagedEntry entry = ready.poll();
        if (entry != null) {
            lastReturned = entry.number().value();
        }
        return entry;
    }

    private void readAhead() throws SQLException {
        while (hasRow && unjudged.size() < lookAhead) {
            String number = rs.getString(1);
            List<StagedEntry.Row> rows = new ArrayList<>(4);
            long rowCount = 0;
            while (hasRow && number.equals(rs.getString(1))) {
                rowCount += rs.getInt(4);
                if (rowCount <= MAX_ENTRY_ROWS || rows.isEmpty()) {
                    String file = fileNames.get(rs.getInt(2));
                    for (StagedRow row : FragmentCodec.decode(rs.getString(3), COLUMNS)) {
                        RowSource source = new RowSource(file, row.line());
                        rows.add(new StagedEntry.Row(source, row.cells(), row.defect() == null ? null
                                : new RowError(source, row.defectColumn(), "", row.defect())));
                    }
                }
                if (rowCount > MAX_ENTRY_ROWS && rows.size() > 1) {
                    // past the limit: keep the first row only, count the rest without
                    // decoding them
                    rows = new ArrayList<>(rows.subList(0, 1));
                }
                hasRow = rs.next();
            }
            EntryNumber entry = new EntryNumber(number);
            unjudged.add(rowCount > MAX_ENTRY_ROWS ? StagedEntry.oversized(entry, rows.get(0), rowCount)
                    : new StagedEntry(entry, rows));
        }
    }

    /**
     * Checks 13 and 14 need the ledger's word on each entry: one lookup per block (see
     * {@link LedgerVerdicts}).
     */
    private List<StagedEntry> withLedger(List<StagedEntry> batch) {
        Map<String, LedgerVerdict> verdicts = ledger.lookup(batch.stream().map(StagedEntry::number).toList());
        if (verdicts.isEmpty()) {
            return batch;
        }
        List<StagedEntry> out = new ArrayList<>(batch.size());
        for (StagedEntry entry : batch) {
            LedgerVerdict verdict = verdicts.get(entry.number().value());
            out.add(verdict == null ? entry : entry.withLedger(verdict));
        }
        return out;
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
                connection.close();
            }
        }
        catch (SQLException e) {
            throw new ItemStreamException("Cannot close staged-row cursor", e);
        }
        finally {
            rs = null;
            statement = null;
            connection = null;
        }
    }

}
