package org.capebatch.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The input files of a run with their stable index (SPEC §1: a file, or every .csv/.xlsx
 * of a directory by name).
 */
public final class InputFiles {

    private InputFiles() {
    }

    public static List<InputFile> list(Path input) {
        List<Path> paths = RawRowReaders.inputFiles(input);
        List<InputFile> files = new ArrayList<>(paths.size());
        for (int i = 0; i < paths.size(); i++) {
            files.add(new InputFile(i, paths.get(i)));
        }
        return files;
    }

}
