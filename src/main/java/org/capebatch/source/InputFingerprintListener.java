package org.capebatch.source;

import java.nio.file.Path;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Around each import partition: its file must have the size and modification time
 * recorded by the input check, before the partition reads it and again once it has read
 * its last row. A file rewritten during the import would otherwise mix rows of two
 * versions (rows lost, others reported as duplicates).
 */
public class InputFingerprintListener implements StepExecutionListener {

    private final InputFingerprints fingerprints;

    public InputFingerprintListener(InputFingerprints fingerprints) {
        this.fingerprints = fingerprints;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        // Thrown here, the partition fails before it reads a row.
        fingerprints.checkUnchanged(runId(stepExecution), file(stepExecution), "since the run started");
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (stepExecution.getStatus() != BatchStatus.COMPLETED) {
            return null;
        }
        try {
            fingerprints.checkUnchanged(runId(stepExecution), file(stepExecution), "while it was imported");
            return null;
        }
        catch (InputChangedException e) {
            // afterStep may not throw (Batch only logs it); a failed status is saved
            // after the listeners.
            stepExecution.setStatus(BatchStatus.FAILED);
            stepExecution.addFailureException(e);
            return ExitStatus.FAILED.addExitDescription(e.getMessage());
        }
    }

    private static long runId(StepExecution stepExecution) {
        return stepExecution.getJobExecution().getJobInstance().getInstanceId();
    }

    private static InputFile file(StepExecution stepExecution) {
        ExecutionContext context = stepExecution.getExecutionContext();
        return new InputFile(context.getInt(InputFilePartitioner.FILE_INDEX),
                Path.of(context.getString(InputFilePartitioner.FILE_PATH)));
    }

}
