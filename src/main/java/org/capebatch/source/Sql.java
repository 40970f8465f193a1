package org.capebatch.source;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/** Null-aware column getters shared by the readers of staged and source tables. */
final class Sql {

    private Sql() {
    }

    static LocalDate date(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    static Integer integer(ResultSet rs, int column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    static <E extends Enum<E>> E enumValue(ResultSet rs, int column, Class<E> type) throws SQLException {
        String v = rs.getString(column);
        return v == null ? null : Enum.valueOf(type, v);
    }
}
