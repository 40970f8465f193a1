package org.capebatch.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.capebatch.declaration.DeclarationRenderer;
import org.capebatch.output.AtomicFile;
import org.capebatch.output.ManifestFile;
import org.capebatch.output.OutputFiles;
import org.capebatch.output.WrittenFile;
import org.capebatch.run.CapeRun;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The run's last step: writes manifest.json (SPEC §5) with the hash of every output file,
 * after checking that every declaration file on disk is the one rendered. Idempotent: a
 * restart writes the same manifest.
 */
public class ManifestTasklet implements Tasklet {

    private final JdbcTemplate jdbc;

    private final CapeRun run;

    private final String jobName;

    public ManifestTasklet(JdbcTemplate jdbc, CapeRun run, String jobName) {
        this.jdbc = jdbc;
        this.run = run;
        this.jobName = jobName;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        OutputFiles outputFiles = new OutputFiles(jdbc, run.id());
        // The manifest must describe the files on disk: a declaration file removed or
        // changed since it was rendered (by hand, or by a crash of the machine) is
        // rendered again first.
        Map<String, ManifestFile> recorded = outputFiles.byPath();
        DeclarationRenderer declarations = new DeclarationRenderer(jdbc, run,
                path -> Optional.ofNullable(recorded.get(path)));
        List<String> stems = jdbc.queryForList(
                "SELECT file_stem FROM cape_declaration WHERE run_id = ? ORDER BY file_stem", String.class, run.id());
        // Hashing thousands of files is most of this loop: the files are checked in
        // parallel first (reading only), and the renderer, which checks again, gets just
        // those that failed.
        for (String stem : stems.parallelStream().filter(stem -> !unchanged(stem, recorded)).toList()) {
            List<WrittenFile> files = declarations.renderIfChanged(stem);
            if (files.stream().anyMatch(f -> f.pending() != null)) {
                WrittenFile.publishAll(files);
                outputFiles.recordAll(files.stream().map(WrittenFile::file).toList());
            }
        }
        ExecutionContext figures = contribution.getStepExecution().getJobExecution().getExecutionContext();
        ManifestWriter.write(run.outputDir().resolve(ManifestWriter.FILE_NAME), new Manifest(jobName, run.input(),
                run.runDate(), ManifestFigures.counts(figures), ManifestFigures.totals(figures), outputFiles.all()));
        return RepeatStatus.FINISHED;
    }

    /**
     * Whether both files of a declaration are on disk with the hash recorded when they
     * were rendered.
     */
    private boolean unchanged(String stem, Map<String, ManifestFile> recorded) {
        for (String path : DeclarationRenderer.paths(stem)) {
            ManifestFile file = recorded.get(path);
            Path onDisk = run.outputDir().resolve(path);
            try {
                if (file == null || !Files.isRegularFile(onDisk) || !AtomicFile.sha256(onDisk).equals(file.sha256())) {
                    return false;
                }
            }
            catch (IOException e) {
                // Unreadable now: the renderer looks again and writes it anew, or fails
                // with its own error.
                return false;
            }
        }
        return true;
    }

}
