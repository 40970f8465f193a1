package org.capebatch.source;

import java.nio.file.Path;
import java.util.List;

import javax.sql.DataSource;

/**
 * What a run reads (SPEC §1 {@code input}): a file, a directory of files, or {@code db} for the canonical source
 * tables, which then look like a single input "file" named after the tariff-line table.
 */
public class InputSource {

    public static final String DATABASE = "db";

    private final String input;
    private final DataSource dataSource;

    public InputSource(String input, DataSource dataSource) {
        this.input = input;
        this.dataSource = dataSource;
    }

    public boolean database() {
        return DATABASE.equals(input);
    }

    public List<InputFile> files() {
        return database()
                ? List.of(new InputFile(0, Path.of(SourceTableRowReader.SOURCE_NAME)))
                : InputFiles.list(Path.of(input));
    }

    public RawRowReader open(InputFile file) {
        return database() ? new SourceTableRowReader(dataSource) : RawRowReaders.open(file.path());
    }
}
