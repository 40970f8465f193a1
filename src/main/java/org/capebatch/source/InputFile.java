package org.capebatch.source;

import java.nio.file.Path;

/**
 * One input file of a run; {@code index} is its position in name order (SPEC §1), used to
 * order output rows.
 */
public record InputFile(int index, Path path) {

    public String name() {
        return path.getFileName().toString();
    }
}
