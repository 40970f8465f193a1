package org.capebatch.assessment;

import java.util.List;

import org.capebatch.entry.RowError;
import org.capebatch.rules.Assessment;

/** An entry's assessment, its declaration group (eligible entries only) and the rows its assembly rejected. */
public record AssessedEntry(Assessment assessment, String groupKey, List<RowError> rejections) {
}
