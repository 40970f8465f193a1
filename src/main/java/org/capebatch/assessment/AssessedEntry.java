package org.capebatch.assessment;

import java.util.List;

import org.capebatch.entry.RowError;
import org.capebatch.rules.Assessment;

/**
 * An entry's assessment, its declaration group (eligible entries only) and the rows its
 * assembly rejected. For an entry with too many rows to hold, {@code everyRowRejected} is
 * the message every one of its staged rows gets in rejected-rows.csv (written by the
 * database, not from memory); null otherwise.
 */
public record AssessedEntry(Assessment assessment, String groupKey, List<RowError> rejections,
        String everyRowRejected) {

    public AssessedEntry(Assessment assessment, String groupKey, List<RowError> rejections) {
        this(assessment, groupKey, rejections, null);
    }
}
