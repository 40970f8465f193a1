package org.capebatch.source;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import org.capebatch.entry.Es003Header;
import org.capebatch.run.CapeRun;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * First step of a file run: lists the input files (SPEC §1, name order) and checks every
 * header before any row is staged, so a file missing a required column fails the job up
 * front with the file and column(s) named (SPEC §2). It also records each file's
 * fingerprint ({@link InputFingerprints}).
 */
public class InputCheckTasklet implements Tasklet {

    private final JdbcTemplate jdbc;

    private final long runId;

    private final InputSource input;

    private final InputFingerprints fingerprints;

    public InputCheckTasklet(JdbcTemplate jdbc, CapeRun run, InputSource input) {
        this.jdbc = jdbc;
        this.runId = run.id();
        this.input = input;
        this.fingerprints = new InputFingerprints(jdbc);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        for (InputFile file : input.files()) {
            // The fingerprint reads the whole file, and so do the encoding check and the
            // import's split of a large CSV: the fingerprint on another core meanwhile.
            FutureTask<InputFingerprint> fingerprint = input.database() ? null : fingerprintInBackground(file);
            try {
                try (RawRowReader reader = input.open(file)) {
                    Es003Header.resolve(file.name(), reader.header());
                }
                jdbc.update("INSERT INTO cape_input_file (run_id, file_index, source_file) VALUES (?, ?, ?)"
                        + " ON CONFLICT DO NOTHING", runId, file.index(), file.name());
                if (!input.database()) {
                    input.prepareParts(file);
                    // Before any row is imported: what a restart and each import
                    // partition
                    // compare against.
                    fingerprints.record(runId, file, joined(fingerprint));
                }
            }
            finally {
                // After a failed check, the interrupt stops a hash under way: it would
                // read a large file to the end for nothing.
                if (fingerprint != null) {
                    fingerprint.cancel(true);
                }
            }
        }
        return RepeatStatus.FINISHED;
    }

    private static FutureTask<InputFingerprint> fingerprintInBackground(InputFile file) {
        FutureTask<InputFingerprint> task = new FutureTask<>(() -> InputFingerprint.of(file.path()));
        Thread thread = new Thread(task, "input-fingerprint");
        thread.setDaemon(true);
        thread.start();
        return task;
    }

    private static InputFingerprint joined(FutureTask<InputFingerprint> fingerprint) throws InterruptedException {
        try {
            return fingerprint.get();
        }
        catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

}
