package org.capebatch.answers;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.capebatch.output.CsvCells;
import org.capebatch.output.CsvFile;
import org.capebatch.output.ManifestFile;
import org.capebatch.output.OutputFiles;
import org.capebatch.rules.LedgerState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes the output of an answers import (SPEC §6.6): answers.csv (this import's rows and
 * outcomes), entry-status.csv (every entry the ledger holds), status.xlsx and, last,
 * manifest.json with the hash of every file. Everything is read back from the database
 * and rewritten whole under temporary names, so a restart writes the same bytes.
 */
public class AnswersReportTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(AnswersReportTasklet.class);

    public static final String ANSWERS_FILE = "answers.csv";

    public static final String ENTRY_STATUS_FILE = "entry-status.csv";

    public static final String ANSWERS_HEADER = "source_file,line,entry_number,claim_number,kind,cbp_status,error_description,outcome,message";

    public static final String ENTRY_STATUS_HEADER = "entry_number,importer_number,declaration,declared_on,state,"
            + "claim_number,cbp_error,action,remedy,deadline,urgent,ieepa_duty,interest,refund_amount,"
            + "interest_amount,refund_date,refund_status,principal_variance,interest_variance";

    private static final String ANSWERS = """
            SELECT source_file, line, entry_number, claim_number, kind, cbp_status, error_description, outcome, message
              FROM cape_answer WHERE import_id = ? ORDER BY file_index, line
            """;

    /**
     * The estimate of the entry's latest declaration run, the deadline of its latest
     * assessment (SPEC §6.6).
     */
    static final String ENTRY_STATUS = """
            SELECT s.entry_number, s.importer_number, s.declaration, s.declared_on, s.state, s.claim_number,
                   s.cbp_error, s.remedy, la.deadline, coalesce(la.urgent, false), d.ieepa_duty, d.interest,
                   s.refund_amount, s.interest_amount, s.refund_date, s.refund_status
              FROM cape_entry_state s
              LEFT JOIN cape_assessment d ON d.run_id = s.run_id AND d.entry_number = s.entry_number
              LEFT JOIN cape_assessment la ON la.run_id = s.assessed_run_id AND la.entry_number = s.entry_number
            """;

    private final DataSource dataSource;

    private final JdbcTemplate jdbc;

    private final long importId;

    private final ImportKind kind;

    private final String input;

    private final Path outputDir;

    private final BigDecimal varianceTolerance;

    public AnswersReportTasklet(DataSource dataSource, long importId, ImportKind kind, String input, Path outputDir,
            BigDecimal varianceTolerance) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.importId = importId;
        this.kind = kind;
        this.input = input;
        this.outputDir = outputDir;
        this.varianceTolerance = varianceTolerance;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        Files.createDirectories(outputDir);
        OutputFiles outputFiles = new OutputFiles(jdbc, importId);
        outputFiles.record(writeAnswers());
        outputFiles.record(writeEntryStatus());
        Path workbook = outputDir.resolve(StatusWorkbookWriter.FILE_NAME);
        long importers = new StatusWorkbookWriter(jdbc, dataSource).write(workbook);
        outputFiles.record(ManifestFile.of(outputDir, workbook, importers));
        Map<String, Long> states = countsBy("SELECT state, count(*) FROM cape_entry_state GROUP BY state",
                LedgerState.values());
        Map<String, Long> outcomes = countsBy(
                "SELECT outcome, count(*) FROM cape_answer WHERE import_id = " + importId + " GROUP BY outcome",
                Outcome.values());
        long rows = rowsRead();
        AnswersManifestWriter
            .write(outputDir.resolve(AnswersManifestWriter.FILE_NAME), kind, input,
                    jdbc.queryForList("SELECT source_file || ' ' || sha256 FROM cape_answer_file WHERE import_id = ?"
                            + " ORDER BY file_index", String.class, importId),
                    states, outcomes, rows, outputFiles.all());
        // The line an operator reads after an import: what the rows did, and where the
        // ledger stands.
        log.info("{} rows read: {}; ledger: {}", rows, outcomes, states);
        return RepeatStatus.FINISHED;
    }

    private long rowsRead() {
        Long rows = jdbc.queryForObject("SELECT coalesce(sum(rows), 0) FROM cape_answer_file WHERE import_id = ?",
                Long.class, importId);
        return rows == null ? 0 : rows;
    }

    /**
     * Every value of {@code keys} in order, 0 when the query has no row for it, so the
     * manifest's shape is fixed.
     */
    private Map<String, Long> countsBy(String sql, Enum<?>[] keys) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Enum<?> key : keys) {
            counts.put(key.name(), 0L);
        }
        jdbc.query(sql, rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts;
    }

    private ManifestFile writeAnswers() throws IOException, SQLException {
        Path target = outputDir.resolve(ANSWERS_FILE);
        try (CsvFile csv = CsvFile.create(target, StandardCharsets.UTF_8, ANSWERS_HEADER)) {
            stream(ANSWERS, List.of(importId),
                    rs -> csv.row(CsvCells.text(rs.getString(1)), Long.toString(rs.getLong(2)),
                            CsvCells.text(rs.getString(3)), CsvCells.text(rs.getString(4)), rs.getString(5),
                            CsvCells.text(rs.getString(6)), CsvCells.text(rs.getString(7)), rs.getString(8),
                            CsvCells.text(rs.getString(9))));
            csv.commit();
            return ManifestFile.of(outputDir, target, csv.rows());
        }
    }

    private ManifestFile writeEntryStatus() throws IOException, SQLException {
        Path target = outputDir.resolve(ENTRY_STATUS_FILE);
        try (CsvFile csv = CsvFile.create(target, StandardCharsets.UTF_8, ENTRY_STATUS_HEADER)) {
            stream(ENTRY_STATUS + " ORDER BY s.entry_number", List.of(), rs -> {
                EntryStatus e = entryStatus(rs);
                csv.row(e.entryNumber(), CsvCells.text(e.importerNumber()), CsvCells.text(declarationFile(e)),
                        CsvCells.date(e.declaredOn()), e.state().name(), CsvCells.text(e.claimNumber()),
                        CsvCells.text(e.cbpError()), e.action(varianceTolerance),
                        e.state() == LedgerState.FAILED ? CsvCells.text(e.remedy()) : "", CsvCells.date(e.deadline()),
                        CsvCells.flag(e.urgent()), CsvCells.money(e.ieepaDuty()), CsvCells.money(e.interest()),
                        CsvCells.money(e.refundAmount()), CsvCells.money(e.interestAmount()),
                        CsvCells.date(e.refundDate()), CsvCells.text(e.refundStatus()),
                        CsvCells.money(e.principalVariance()), CsvCells.money(e.interestVariance()));
            });
            csv.commit();
            return ManifestFile.of(outputDir, target, csv.rows());
        }
    }

    /**
     * entry-status.csv names the declaration by its CSV file, like assessments.csv (SPEC
     * §5).
     */
    static String declarationFile(EntryStatus e) {
        return e.declaration() + ".csv";
    }

    static EntryStatus entryStatus(ResultSet rs) throws SQLException {
        return new EntryStatus(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                LedgerState.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getObject(9, LocalDate.class), rs.getBoolean(10), rs.getBigDecimal(11), rs.getBigDecimal(12),
                rs.getBigDecimal(13), rs.getBigDecimal(14), rs.getObject(15, LocalDate.class), rs.getString(16));
    }

    private void stream(String sql, List<Object> args, RowHandler handler) throws SQLException, IOException {
        stream(dataSource, sql, args, handler);
    }

    /**
     * Streams a query on its own connection with a cursor, so a million-entry ledger
     * keeps memory flat.
     */
    static void stream(DataSource dataSource, String sql, List<Object> args, RowHandler handler)
            throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                ps.setFetchSize(10_000);
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        handler.handle(rs);
                    }
                }
            }
            finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    @FunctionalInterface
    interface RowHandler {

        void handle(ResultSet rs) throws SQLException, IOException;

    }

}
