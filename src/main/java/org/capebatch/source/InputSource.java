package org.capebatch.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

/**
 * What a run reads (SPEC §1 {@code input}): a file, a directory of files, or {@code db}
 * for the canonical source tables, which then look like a single input "file" named after
 * the tariff-line table.
 */
public class InputSource {

    public static final String DATABASE = "db";

    private final String input;

    private final DataSource dataSource;

    private final int partsPerFile;

    private final long minPartBytes;

    private final Map<Path, List<ByteRange>> prepared = new ConcurrentHashMap<>();

    public InputSource(String input, DataSource dataSource, int partsPerFile, long minPartBytes) {
        this.input = input;
        this.dataSource = dataSource;
        this.partsPerFile = partsPerFile;
        this.minPartBytes = minPartBytes;
    }

    public boolean database() {
        return DATABASE.equals(input);
    }

    public List<InputFile> files() {
        return database() ? List.of(new InputFile(0, Path.of(SourceTableRowReader.SOURCE_NAME)))
                : InputFiles.list(Path.of(input));
    }

    public RawRowReader open(InputFile file) {
        return database() ? new SourceTableRowReader(dataSource) : RawRowReaders.open(file.path());
    }

    /**
     * Bytes of all input files (0 for the database source), for the import's progress
     * estimate.
     */
    public long totalBytes() {
        if (database()) {
            return 0;
        }
        long total = 0;
        for (InputFile file : files()) {
            try {
                total += java.nio.file.Files.size(file.path());
            }
            catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("Cannot read " + file.path(), e);
            }
        }
        return total;
    }

    /**
     * The import partitions: every file, with large CSV files split into byte ranges read
     * in parallel.
     */
    public List<InputPart> parts() {
        List<InputPart> parts = new ArrayList<>();
        for (InputFile file : files()) {
            boolean csv = !database() && file.name().toLowerCase(Locale.ROOT).endsWith(".csv");
            List<ByteRange> ranges = !csv ? List.of(ByteRange.WHOLE_FILE) : prepared.computeIfAbsent(file.path(),
                    path -> CsvSplitter.split(path, partsPerFile, minPartBytes));
            for (int i = 0; i < ranges.size(); i++) {
                parts.add(new InputPart(file, i, ranges.get(i)));
            }
        }
        return parts;
    }

    /**
     * Splits {@code file} as {@link #parts()} will, ahead of it (the input check does,
     * while it fingerprints the file on another core): the import then starts without
     * reading the file once more. Kept for this job execution only; a restart splits
     * again.
     */
    public void prepareParts(InputFile file) {
        if (!database() && file.name().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            prepared.put(file.path(), CsvSplitter.split(file.path(), partsPerFile, minPartBytes));
        }
    }

    public RawRowReader open(InputPart part) {
        return part.range().wholeFile() ? open(part.file()) : new CsvRawRowReader(part.file().path(), part.range());
    }

}
