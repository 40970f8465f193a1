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
import java.util.List;

import javax.sql.DataSource;

import org.capebatch.entry.RowError;
import org.capebatch.entry.RowSource;
import org.capebatch.output.ManifestFile;
import org.capebatch.output.OutputFiles;
import org.capebatch.rules.AssessmentStatus;
import org.capebatch.rules.Reason;
import org.capebatch.run.CapeRun;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes the run's reports from the database (SPEC §5): assessments.csv,
 * rejected-rows.csv and summary.xlsx, and leaves the manifest's counts and totals in the
 * step's context for {@link ManifestTasklet}. It needs only the assessments and the
 * ledger, so it runs beside the completion of the declarations. Idempotent: every file is
 * rewritten whole under a temporary name and renamed, so a restart of this step simply
 * writes them again, byte for byte the same.
 */
public class ReportTasklet implements Tasklet {

    private static final String REJECTED = """
            SELECT source_file, line, column_name, value, message FROM cape_rejected_row
             WHERE run_id = ? ORDER BY file_index, line, seq
            """;

    /**
     * Every figure of summary.xlsx and the manifest that comes from the assessments, in
     * one pass over them: per importer, and per status and reason. Each set is ordered as
     * the separate queries it replaces ordered it (by the database's collation, so
     * summary.xlsx is unchanged on any server).
     */
    private static final String FIGURES = """
            SELECT GROUPING(importer), importer, status, reason, count(*),
                   count(*) FILTER (WHERE status = 'ELIGIBLE'),
                   coalesce(sum(refund_total) FILTER (WHERE status = 'ELIGIBLE'), 0),
                   coalesce(sum(ieepa_duty), 0), coalesce(sum(interest), 0), coalesce(sum(refund_total), 0)
              FROM (SELECT coalesce(importer_number, '') AS importer, status, reason, ieepa_duty, interest,
                           refund_total
                      FROM cape_assessment WHERE run_id = ?) a
             GROUP BY GROUPING SETS ((importer), (status, reason))
             ORDER BY 1, importer, status, reason
            """;

    private final DataSource dataSource;

    private final JdbcTemplate jdbc;

    private final long runId;

    private final String input;

    private final LocalDate runDate;

    private final Path outputDir;

    public ReportTasklet(DataSource dataSource, CapeRun run) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.runId = run.id();
        this.input = run.input();
        this.runDate = run.runDate();
        this.outputDir = run.outputDir();
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        Files.createDirectories(outputDir);
        OutputFiles outputFiles = new OutputFiles(jdbc, runId);
        outputFiles.record(AssessmentCsvCopy.write(dataSource, runId, outputDir,
                outputDir.resolve(AssessmentCsvWriter.FILE_NAME)));
        outputFiles.record(writeRejectedRows());
        Figures figures = figures();
        outputFiles.record(writeSummary(figures.counts(), figures.totals(), figures));
        ManifestFigures.put(contribution.getStepExecution().getExecutionContext(), figures.counts(), figures.totals());
        return RepeatStatus.FINISHED;
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

    private ManifestFile writeSummary(Manifest.Counts counts, Manifest.Totals totals, Figures figures)
            throws IOException {
        SummaryData data = new SummaryData(runDate, input, counts.rowsRead(), counts.rowsRejected(), counts.entries(),
                counts.eligible(), totals.ieepaDuty(), totals.interest(), totals.refundTotal(), figures.reasons());
        Path target = outputDir.resolve(SummaryWorkbookWriter.FILE_NAME);
        long rows = SummaryWorkbookWriter.write(target, data, figures.importers().iterator());
        return ManifestFile.of(outputDir, target, rows);
    }

    private Figures figures() {
        long[] input = jdbc.queryForObject("""
                SELECT (SELECT coalesce(sum(rows_read), 0) FROM cape_input_part WHERE run_id = ?),
                       (SELECT count(*) FROM (SELECT DISTINCT file_index, line FROM cape_rejected_row
                                               WHERE run_id = ?) r)
                """, (rs, i) -> new long[] { rs.getLong(1), rs.getLong(2) }, runId, runId);
        List<ImporterTotal> importers = new ArrayList<>();
        List<ReasonCount> reasons = new ArrayList<>();
        long[] entries = new long[2];
        BigDecimal[] eligibleSums = { BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO };
        jdbc.query(FIGURES, rs -> {
            if (rs.getInt(1) == 0) {
                importers.add(new ImporterTotal(rs.getString(2), rs.getLong(5), rs.getLong(6), rs.getBigDecimal(7)));
                return;
            }
            String status = rs.getString(3);
            entries[0] += rs.getLong(5);
            if (AssessmentStatus.ELIGIBLE.name().equals(status)) {
                entries[1] += rs.getLong(5);
                eligibleSums[0] = eligibleSums[0].add(rs.getBigDecimal(8));
                eligibleSums[1] = eligibleSums[1].add(rs.getBigDecimal(9));
                eligibleSums[2] = eligibleSums[2].add(rs.getBigDecimal(10));
            }
            else if (AssessmentStatus.EXCLUDED.name().equals(status)) {
                reasons.add(new ReasonCount(Reason.valueOf(rs.getString(4)), rs.getLong(5), rs.getBigDecimal(8)));
            }
        }, runId);
        return new Figures(new Manifest.Counts(input[0], input[1], entries[0], entries[1]),
                new Manifest.Totals(scale(eligibleSums[0]), scale(eligibleSums[1]), scale(eligibleSums[2])), reasons,
                importers);
    }

    /** What {@link #FIGURES} and the input counts give the manifest and summary.xlsx. */
    private record Figures(Manifest.Counts counts, Manifest.Totals totals, List<ReasonCount> reasons,
            List<ImporterTotal> importers) {
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
