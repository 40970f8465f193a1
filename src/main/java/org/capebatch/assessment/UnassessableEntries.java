package org.capebatch.assessment;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * The assess step's skip listener: an entry skipped in process is recorded as a
 * DATA_ERROR with all its rows in rejected-rows.csv. The record is not written here but
 * handed to {@link AssessmentWriter}, which writes it with the rest of the chunk: a skip
 * listener's own insert would not roll back and redo with the chunk
 * (reference/spring-batch-6.md §6.2), the writer's does. One instance per partition (step
 * scope).
 */
public class UnassessableEntries
        implements SkipListener<StagedEntry, AssessedEntry>, ChunkListener<StagedEntry, AssessedEntry> {

    private static final Logger log = LoggerFactory.getLogger(UnassessableEntries.class);

    private final AssessEntryProcessor processor;

    private final List<AssessedEntry> ofThisChunk = new ArrayList<>();

    private long ofThisPartition;

    public UnassessableEntries(AssessEntryProcessor processor) {
        this.processor = processor;
    }

    @Override
    public void beforeChunk(Chunk<StagedEntry> chunk) {
        ofThisChunk.clear();
    }

    @Override
    public void onSkipInProcess(StagedEntry entry, Throwable t) {
        Throwable cause = t instanceof UnassessableEntryException && t.getCause() != null ? t.getCause() : t;
        if (ofThisPartition++ == 0) {
            log.warn("Skipped entry {}: it could not be assessed; recorded as DATA_ERROR", entry.number().value(), t);
        }
        else {
            // The stack trace once per partition is enough: a systematic bug would print
            // it for every entry.
            log.warn("Skipped entry {}: it could not be assessed; recorded as DATA_ERROR: {}", entry.number().value(),
                    t.getMessage());
        }
        ofThisChunk.add(processor.unassessable(entry, cause));
    }

    /**
     * The entries skipped in the current chunk; a retried write writes them again, as it
     * does the chunk.
     */
    public List<AssessedEntry> ofThisChunk() {
        return ofThisChunk;
    }

}
