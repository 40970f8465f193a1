package org.capebatch.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;

import javax.sql.DataSource;

import org.capebatch.output.AtomicFile;
import org.capebatch.output.CsvCells;
import org.capebatch.output.ManifestFile;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * Writes {@code assessments.csv} straight from PostgreSQL: {@code COPY (SELECT ...) TO
 * STDOUT (FORMAT csv)} formats the cells in the database, and this class only turns each
 * record's LF into CRLF and hashes the bytes as they go to the file. The same bytes as
 * {@link AssessmentCsvWriter} writes row by row (a test compares the two on hostile
 * cells), at a fraction of the cost: no Java objects per row.
 *
 * <p>
 * Why the bytes are the same: the SELECT applies {@link CsvCells#text}'s formula guard (a
 * {@code '} before a leading {@code = + - @}, tab or CR) and turns empty strings into
 * NULL, which COPY writes as nothing (an empty string it would quote); COPY's CSV quoting
 * is then RFC 4180's, as CsvCells': a cell is quoted when it holds a comma, a quote, CR
 * or LF, and quotes are doubled. Money columns are NUMERIC(18,2), whose text is the plain
 * two-decimal form; flags and dates are spelled out. What the row writer refuses is
 * refused here too, as each record passes: entry numbers out of order (the sort is the
 * database's, checked in Java's byte order) and an excluded entry on a declaration.
 */
final class AssessmentCsvCopy {

    private static final String FORMULA_START = "('=', '+', '-', '@', E'\\t', E'\\r')";

    private static final int FIELDS = 16;

    private static final int STATUS_FIELD = 3;

    private static final int DECLARATION_FIELD = 15;

    private static final byte[] ELIGIBLE = "ELIGIBLE".getBytes(StandardCharsets.US_ASCII);

    private static final int ENTRY_LENGTH = 11;

    private AssessmentCsvCopy() {
    }

    /** The COPY statement; the run id is a number, so it is written into the text. */
    static String sql(long runId) {
        return "COPY (SELECT a.entry_number, " + text("a.importer_number") + ", " + text("a.entry_type") + """
                , a.status, nullif(a.reason, ''), nullif(a.reasons, ''), nullif(a.remedy, ''),
                       to_char(a.deadline, 'YYYY-MM-DD'), CASE WHEN a.urgent THEN 'Y' ELSE 'N' END,
                       CASE WHEN a.refund_deferred THEN 'Y' ELSE 'N' END, a.ieepa_duty, a.interest, a.refund_total,
                       nullif(a.rate_type, ''), CASE WHEN a.rate_assumed THEN 'Y' ELSE 'N' END,
                       l.declaration || '.csv'
                  FROM cape_assessment a
                  LEFT JOIN cape_ledger l ON l.entry_number = a.entry_number AND l.run_id = a.run_id
                 WHERE a.run_id = """ + runId + """
                 ORDER BY a.entry_number) TO STDOUT (FORMAT csv)
                """;
    }

    /** {@link CsvCells#text} in SQL, empty as NULL. */
    private static String text(String column) {
        return "CASE WHEN left(" + column + ", 1) IN " + FORMULA_START + " THEN '''' || " + column + " ELSE nullif("
                + column + ", '') END";
    }

    /** Writes and publishes {@code target} for run {@code runId}. */
    static ManifestFile write(DataSource dataSource, long runId, Path outputDir, Path target)
            throws IOException, SQLException {
        try (AtomicFile.Pending pending = AtomicFile.open(target)) {
            OutputStream out = pending.stream();
            out.write((AssessmentCsvWriter.HEADER + CsvCells.EOL).getBytes(StandardCharsets.UTF_8));
            Records records = new Records(out);
            try (Connection connection = dataSource.getConnection()) {
                CopyOut copy = connection.unwrap(PGConnection.class).getCopyAPI().copyOut(sql(runId));
                try {
                    for (byte[] data = copy.readFromCopy(); data != null; data = copy.readFromCopy()) {
                        records.accept(data);
                    }
                }
                finally {
                    if (copy.isActive()) {
                        copy.cancelCopy();
                    }
                }
            }
            records.finish();
            pending.commit();
            return ManifestFile.of(outputDir, target, pending.sha256(), records.rows);
        }
    }

    /**
     * Turns COPY's CSV records (LF-terminated, quoted cells may hold LF) into CRLF
     * records, whatever the boundaries of the chunks it is given, and checks each record
     * as it ends. A quote outside a cell's quotes opens one, inside closes it, so a
     * doubled quote closes and reopens: the state is exact without looking ahead.
     */
    static final class Records {

        private final OutputStream out;

        private final byte[] buffer = new byte[128 * 1024];

        private int length;

        private boolean quoted;

        private int field;

        private final byte[] entry = new byte[ENTRY_LENGTH + 1];

        private int entryLength;

        private final byte[] lastEntry = new byte[ENTRY_LENGTH];

        private boolean first = true;

        private final byte[] status = new byte[ELIGIBLE.length + 1];

        private int statusLength;

        private boolean onDeclaration;

        private boolean inRecord;

        private long rows;

        Records(OutputStream out) {
            this.out = out;
        }

        void accept(byte[] data) throws IOException {
            for (byte b : data) {
                if (length >= buffer.length - 2) {
                    out.write(buffer, 0, length);
                    length = 0;
                }
                inRecord = true;
                if (!quoted && b == ',') {
                    field++;
                }
                else if (!quoted && b == '\n') {
                    endRecord();
                    buffer[length++] = '\r';
                }
                else {
                    if (b == '"') {
                        quoted = !quoted;
                    }
                    cellByte(b);
                }
                buffer[length++] = b;
            }
        }

        /**
         * Remembers what the checks need: the entry number, the status, a declaration.
         */
        private void cellByte(byte b) {
            if (field == 0) {
                if (entryLength < entry.length) {
                    entry[entryLength] = b;
                }
                entryLength++;
            }
            else if (field == STATUS_FIELD) {
                if (statusLength < status.length) {
                    status[statusLength] = b;
                }
                statusLength++;
            }
            else if (field == DECLARATION_FIELD) {
                onDeclaration = true;
            }
        }

        private void endRecord() {
            if (field != FIELDS - 1) {
                throw new IllegalStateException("assessments.csv: record " + (rows + 1) + " has " + (field + 1)
                        + " fields, expected " + FIELDS);
            }
            String entryNumber = new String(entry, 0, Math.min(entryLength, entry.length), StandardCharsets.ISO_8859_1);
            if (entryLength != ENTRY_LENGTH || !isEntryNumber()) {
                throw new IllegalStateException("assessments.csv: not an entry number: " + entryNumber);
            }
            if (!first && Arrays.compare(entry, 0, ENTRY_LENGTH, lastEntry, 0, ENTRY_LENGTH) <= 0) {
                throw new IllegalArgumentException("assessments must be strictly ascending by entry number: "
                        + entryNumber + " after " + new String(lastEntry, StandardCharsets.ISO_8859_1));
            }
            boolean eligible = statusLength == ELIGIBLE.length
                    && Arrays.equals(status, 0, statusLength, ELIGIBLE, 0, ELIGIBLE.length);
            if (!eligible && onDeclaration) {
                throw new IllegalArgumentException("excluded entry " + entryNumber + " cannot be on a declaration");
            }
            System.arraycopy(entry, 0, lastEntry, 0, ENTRY_LENGTH);
            first = false;
            rows++;
            field = 0;
            entryLength = 0;
            statusLength = 0;
            onDeclaration = false;
            inRecord = false;
        }

        /** Entry numbers are ASCII letters and digits, so byte order is String order. */
        private boolean isEntryNumber() {
            for (int i = 0; i < ENTRY_LENGTH; i++) {
                byte c = entry[i];
                if (!(c >= '0' && c <= '9') && !(c >= 'A' && c <= 'Z')) {
                    return false;
                }
            }
            return true;
        }

        /** Writes what is buffered; the last record must have ended. */
        void finish() throws IOException {
            if (inRecord || quoted) {
                throw new IllegalStateException("assessments.csv: COPY ended inside a record");
            }
            out.write(buffer, 0, length);
            length = 0;
        }

        long rows() {
            return rows;
        }

    }

}
