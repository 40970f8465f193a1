package org.capebatch.jdbc;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;

/**
 * Buffers rows in PostgreSQL's COPY text format and sends them with one
 * {@code COPY ... FROM STDIN}: the bulk path of the import and assess steps. It uses the
 * connection bound to the current Spring transaction, so the rows commit or roll back
 * together with the chunk and its restart checkpoint.
 */
public final class PgCopy {

    private static final SQLStateSQLExceptionTranslator TRANSLATOR = new SQLStateSQLExceptionTranslator();

    private final String sql;

    /**
     * Starts small: a writer makes one per chunk, and most chunks (a declaration's ledger
     * rows, rejected rows) stay far below the largest.
     */
    private final StringBuilder buffer = new StringBuilder(1 << 16);

    private boolean rowStarted;

    private long rows;

    public PgCopy(String table, String... columns) {
        this.sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN";
    }

    public PgCopy add(String value) {
        separator();
        if (value == null) {
            buffer.append("\\N");
        }
        else {
            escape(value);
        }
        return this;
    }

    /**
     * A text value that {@code writer} appends straight into the buffer, already escaped
     * for COPY's text format (backslash, tab, CR and LF); it saves building a large value
     * as a String and scanning it again.
     */
    public PgCopy addEscaped(Consumer<StringBuilder> writer) {
        separator();
        writer.accept(buffer);
        return this;
    }

    public PgCopy add(long value) {
        separator();
        buffer.append(value);
        return this;
    }

    public PgCopy add(Integer value) {
        return value == null ? add((String) null) : add(value.longValue());
    }

    public PgCopy add(boolean value) {
        separator();
        buffer.append(value ? 't' : 'f');
        return this;
    }

    public PgCopy add(Boolean value) {
        return value == null ? add((String) null) : add(value.booleanValue());
    }

    public PgCopy add(BigDecimal value) {
        return add(value == null ? null : value.toPlainString());
    }

    public PgCopy add(LocalDate value) {
        return add(value == null ? null : value.toString());
    }

    public PgCopy add(Enum<?> value) {
        return add(value == null ? null : value.name());
    }

    public PgCopy endRow() {
        buffer.append('\n');
        rowStarted = false;
        rows++;
        return this;
    }

    public long rows() {
        return rows;
    }

    /** Sends the buffered rows on the transaction's connection and clears the buffer. */
    public long flush(DataSource dataSource) {
        if (rows == 0) {
            return 0;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            // One encoding of the whole buffer (ASCII in the common case, a fast path)
            // rather
            // than the driver's Reader path, which copies and encodes it again in 64 KB
            // pieces.
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
            long copied;
            try {
                copy.writeToCopy(bytes, 0, bytes.length);
                copied = copy.endCopy();
            }
            finally {
                if (copy.isActive()) {
                    cancelQuietly(copy);
                }
            }
            buffer.setLength(0);
            rows = 0;
            return copied;
        }
        catch (SQLException e) {
            // Translated by SQLState, so a retry policy sees connection and serialization
            // failures as transient.
            DataAccessException translated = TRANSLATOR.translate("COPY", sql, e);
            throw translated != null ? translated : new UncategorizedSQLException("COPY", sql, e);
        }
        finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static void cancelQuietly(CopyIn copy) {
        try {
            copy.cancelCopy();
        }
        catch (SQLException e) {
            // the write's own failure is the one to report
        }
    }

    private static boolean needsEscape(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    private void separator() {
        if (rowStarted) {
            buffer.append('\t');
        }
        rowStarted = true;
    }

    private void escape(String value) {
        if (!needsEscape(value)) {
            buffer.append(value);
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(c);
            }
        }
    }

}
