package org.capebatch.job;

import org.capebatch.source.ImportBatch;
import org.capebatch.source.RawBatch;
import org.springframework.batch.core.listener.ItemReadListener;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Makes the import step count rows, the unit an operator reads it in, although its item
 * is a batch of up to {@code cape.job.import-batch-rows} rows: at millions of rows the
 * framework's cost per item (reader, processor, retry and observation wrappers) would
 * dominate the COPY that does the work. Each batch read raises the read count by its rows
 * beyond the one item Spring Batch counts, and each chunk written the write count
 * likewise, so the counts are what they would be with one row per item, on success,
 * failure and restart alike. The step execution is saved with the chunk's commit. Every
 * row is written: staged, or listed in the rejected rows when its entry number is
 * invalid.
 */
public class ImportRowCounts implements ItemReadListener<RawBatch>, ItemWriteListener<ImportBatch> {

    @Override
    public void afterRead(RawBatch batch) {
        StepExecution step = step();
        step.setReadCount(step.getReadCount() + batch.rows().size() - 1);
    }

    @Override
    public void afterWrite(Chunk<? extends ImportBatch> chunk) {
        long rows = 0;
        for (ImportBatch batch : chunk) {
            rows += batch.rowsRead();
        }
        StepExecution step = step();
        step.setWriteCount(step.getWriteCount() + rows - chunk.size());
    }

    /** The partition's execution, bound to the thread that runs it. */
    private static StepExecution step() {
        return StepSynchronizationManager.getContext().getStepExecution();
    }

}
