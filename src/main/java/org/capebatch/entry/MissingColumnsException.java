package org.capebatch.entry;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A file lacks required columns and is rejected as a whole before any row is read (SPEC
 * §2).
 */
public class MissingColumnsException extends RuntimeException {

    private final String fileName;

    private final List<Es003Column> missing;

    public MissingColumnsException(String fileName, List<Es003Column> missing) {
        super(fileName + ": missing required column(s): "
                + missing.stream().map(Es003Column::header).collect(Collectors.joining(", ")));
        this.fileName = fileName;
        this.missing = List.copyOf(missing);
    }

    public String fileName() {
        return fileName;
    }

    /** The missing columns in SPEC §2 order. */
    public List<Es003Column> missing() {
        return missing;
    }

}
