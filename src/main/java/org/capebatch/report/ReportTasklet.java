package org.capebatch.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.capebatch.assessment.AssessmentRows;
import org.capebatch.declaration.DeclarationRenderer;
import org.capebatch.entry.RowError;
import org.capebatch.entry.RowSource;
import org.capebatch.output.ManifestFile;
import org.capebatch.output.OutputFiles;
import org.capebatch.output.WrittenFile;
import org.capebatch.rules.Assessment;
import org.capebatch.rules.Reason;
import org.capebatch.run.CapeRun;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes the run's reports from the database (SPEC §5): assessments.csv,
 * rejected-rows.csv, summary.xlsx and, last, manifest.json with the hash of every file.
 * Idempotent: every file is rewritten whole under a temporary name and renamed, so a
 * restart of this step simply writes them again, byte for byte the same.
 */
public class ReportTasklet implements Tasklet {

    private static final String ASSESSMENTS = "SELECT " + AssessmentRows.COLUMNS + """
            , l.declaration
             FROM cape_assessment a
             LEFT JOIN cape_ledger l ON l.entry_number = a.entry_number AND l.run_id = a.run_id
            WHERE a.run_id = ? ORDER BY a.entry_number
            """;

    private static final String REJECTED = """
            SELECT source_file, line, column_name, value, message FROM cape_rejected_row
             WHERE run_id = ? ORDER BY file_index, line, seq
            """;

    private static final String IMPORTERS = """
            SELECT coalesce(importer_number, ''), count(*), count(*) FILTER (WHERE status = 'ELIGIBLE'),
                   coalesce(sum(refund_total) FILTER (WHERE status = 'ELIGIBLE'), 0)
              FROM cape_assessment WHERE run_id = ? GROUP BY 1 ORDER BY 1
            """;

    private final DataSource dataSource;

    private final JdbcTemplate jdbc;

    private final CapeRun run;

    private final long runId;

    private final String jobName;

    private final String input;

    private final LocalDate runDate;

    private final Path outputDir;

    public ReportTasklet(DataSource dataSource, CapeRun run, String jobName) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.run = run;
        this.runId = run.id();
        this.jobName = jobName;
        this.input = run.input();
        this.runDate = run.runDate();
        this.outputDir = run.outputDir();
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        Files.createDirectories(outputDir);
        OutputFiles outputFiles = new OutputFiles(jdbc, runId);
        // The manifest must describe the files on disk: a declaration file removed or
        // changed since it was
        // rendered (by hand, or by a crash of the machine) is rendered again first.
        Map<String, ManifestFile> recorded = outputFiles.byPath();
        DeclarationRenderer declarations = new DeclarationRenderer(jdbc, run,
                path -> Optional.ofNullable(recorded.get(path)));
        for (String stem : jdbc.queryForList(
                "SELECT file_stem FROM cape_declaration WHERE run_id = ?" + " ORDER BY file_stem", String.class,
                runId)) {
            List<WrittenFile> files = declarations.renderIfChanged(stem);
            if (files.stream().anyMatch(f -> f.pending() != null)) {
                WrittenFile.publishAll(files);
                outputFiles.recordAll(files.stream().map(WrittenFile::file).toList());
            }
        }
        outputFiles.record(writeAssessments());
        outputFiles.record(writeRejectedRows());
        Manifest.Counts counts = counts();
        Manifest.Totals totals = totals();
        outputFiles.record(writeSummary(counts, totals));
        ManifestWriter.write(outputDir.resolve(ManifestWriter.FILE_NAME),
                new Manifest(jobName, input, runDate, counts, totals, outputFiles.all()));
        return RepeatStatus.FINISHED;
    }

    private ManifestFile writeAssessments() throws IOException, SQLException {
        Path target = outputDir.resolve(AssessmentCsvWriter.FILE_NAME);
        try (AssessmentCsvWriter writer = AssessmentCsvWriter.create(target)) {
            stream(ASSESSMENTS, rs -> {
                Assessment a = AssessmentRows.MAPPER.mapRow(rs, 0);
                String stem = rs.getString(16);
                writer.write(a, stem == null ? null : stem + ".csv");
            });
            writer.commit();
            return ManifestFile.of(outputDir, target, writer.sha256(), writer.rows());
        }
    }

    private ManifestFile writeRejectedRows() throws IOException, SQLException {
        Path target = outputDir.resolve(RejectedRowsCsvWriter.FILE_NAME);
        try (RejectedRowsCsvWriter writer = RejectedRowsCsvWriter.create(target)) {
            stream(REJECTED, rs -> writer.write(new RowError(new RowSource(rs.getString(1), rs.getLong(2)),
                    rs.getString(3), rs.getString(4), rs.getString(5))));
            writer.commit();
            return ManifestFile.of(outputDir, target, writer.sha256(), writer.rows());
        }
    }

    private ManifestFile writeSummary(Manifest.Counts counts, Manifest.Totals totals) throws IOException {
        List<ReasonCount> reasons = jdbc.query(
                "SELECT reason, count(*), sum(ieepa_duty) FROM cape_assessment"
                        + " WHERE run_id = ? AND status = 'EXCLUDED' GROUP BY reason ORDER BY reason",
                (rs, i) -> new ReasonCount(Reason.valueOf(rs.getString(1)), rs.getLong(2), rs.getBigDecimal(3)), runId);
        SummaryData data = new SummaryData(runDate, input, counts.rowsRead(), counts.rowsRejected(), counts.entries(),
                counts.eligible(), totals.ieepaDuty(), totals.interest(), totals.refundTotal(), reasons);
        List<ImporterTotal> importers = jdbc.query(IMPORTERS,
                (rs, i) -> new ImporterTotal(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getBigDecimal(4)),
                runId);
        Path target = outputDir.resolve(SummaryWorkbookWriter.FILE_NAME);
        long rows = SummaryWorkbookWriter.write(target, data, importers.iterator());
        return ManifestFile.of(outputDir, target, rows);
    }

    private Manifest.Counts counts() {
        return jdbc.queryForObject("""
                SELECT (SELECT coalesce(sum(rows_read), 0) FROM cape_input_part WHERE run_id = ?),
                       (SELECT count(*) FROM (SELECT DISTINCT file_index, line FROM cape_rejected_row
                                               WHERE run_id = ?) r),
                       (SELECT count(*) FROM cape_assessment WHERE run_id = ?),
                       (SELECT count(*) FROM cape_assessment WHERE run_id = ? AND status = 'ELIGIBLE')
                """, (rs, i) -> new Manifest.Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)), runId,
                runId, runId, runId);
    }

    private Manifest.Totals totals() {
        return jdbc.queryForObject("""
                SELECT coalesce(sum(ieepa_duty), 0), coalesce(sum(interest), 0), coalesce(sum(refund_total), 0)
                  FROM cape_assessment WHERE run_id = ? AND status = 'ELIGIBLE'
                """, (rs, i) -> new Manifest.Totals(scale(rs.getBigDecimal(1)), scale(rs.getBigDecimal(2)),
                scale(rs.getBigDecimal(3))), runId);
    }

    private static BigDecimal scale(BigDecimal value) {
        return value.setScale(2);
    }

    /**
     * Streams a query on its own connection with a cursor, so million-row reports keep
     * memory flat.
     */
    private void stream(String sql, RowHandler handler) throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                ps.setFetchSize(10_000);
                ps.setLong(1, runId);
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
    private interface RowHandler {

        void handle(ResultSet rs) throws SQLException, IOException;

    }

}
