package org.capebatch.assessment;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Lists every staged row of an entry too large to hold in memory in rejected-rows.csv, in
 * the chunk transaction: the database splits the staged payloads (source.FragmentCodec:
 * rows separated by RS, each starting with its line number) so the JVM never holds the
 * rows, however many there are.
 */
final class OversizedEntries {

    private static final String REJECT_EVERY_ROW = """
            INSERT INTO cape_rejected_row
                   (run_id, file_index, line, seq, source_file, column_name, value, message, entry_number)
            SELECT f.run_id, f.file_index, rtrim(split_part(r.row, chr(31), 1), '!')::bigint, 0, i.source_file,
                   '', '', ?, f.entry_number
              FROM cape_staged_fragment f
              JOIN cape_input_file i ON i.run_id = f.run_id AND i.file_index = f.file_index
              CROSS JOIN LATERAL regexp_split_to_table(f.payload, chr(30)) AS r(row)
             WHERE f.run_id = ? AND f.entry_number = ?
            ON CONFLICT DO NOTHING
            """;

    private OversizedEntries() {
    }

    static void rejectEveryRow(DataSource dataSource, long runId, String entryNumber, String message) {
        new JdbcTemplate(dataSource).update(REJECT_EVERY_ROW, message, runId, entryNumber);
    }

}
