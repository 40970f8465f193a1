package org.capebatch.source;

import java.nio.file.Path;

/**
 * One input file of a run; {@code index} is its position in name order (SPEC §1), used to
 * order output rows.
 */
public record InputFile(int index, Path path, String name) {

    /** The name is kept, not derived per call: every staged row's source names it. */
    public InputFile(int index, Path path) {
        this(index, path, path.getFileName().toString());
    }
}
