package org.capebatch.declaration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.capebatch.assessment.AssessmentRows;
import org.capebatch.output.AtomicFile;
import org.capebatch.output.ManifestFile;
import org.capebatch.output.OutputFiles;
import org.capebatch.output.WrittenFile;
import org.capebatch.rules.Assessment;
import org.capebatch.run.CapeRun;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Renders one declaration, recorded in the ledger by the declare step, as its upload CSV
 * and its workbook (SPEC §5), read back from the database so a restarted run renders
 * exactly the same files.
 */
public class DeclarationRenderer {

    public static final String DIRECTORY = "declarations";

    private static final String ENTRIES = "SELECT " + AssessmentRows.COLUMNS + """
             FROM cape_ledger l JOIN cape_assessment a ON a.run_id = l.run_id AND a.entry_number = l.entry_number
            WHERE l.run_id = ? AND l.declaration = ? ORDER BY l.entry_number
            """;

    private final JdbcTemplate jdbc;

    private final long runId;

    private final LocalDate runDate;

    private final Path outputDir;

    private final Function<String, Optional<ManifestFile>> recorded;

    /** A renderer that looks up each recorded file when it needs it. */
    public DeclarationRenderer(JdbcTemplate jdbc, CapeRun run) {
        this(jdbc, run, new OutputFiles(jdbc, run.id())::find);
    }

    /**
     * A renderer that checks files against {@code recorded} (path to recorded file),
     * typically {@link OutputFiles#byPath()} read once, so thousands of declarations cost
     * no query each.
     */
    public DeclarationRenderer(JdbcTemplate jdbc, CapeRun run, Function<String, Optional<ManifestFile>> recorded) {
        this.jdbc = jdbc;
        this.runId = run.id();
        this.runDate = run.runDate();
        this.outputDir = run.outputDir();
        this.recorded = recorded;
    }

    /**
     * The declaration's files as recorded, when both are on disk with their recorded
     * hashes; otherwise renders them again (DESIGN.md: re-render only what is missing or
     * differs), not yet published: see {@link WrittenFile#publishAll}.
     */
    public List<WrittenFile> renderIfChanged(String fileStem) throws IOException {
        List<WrittenFile> files = new ArrayList<>(2);
        for (String path : paths(fileStem)) {
            Optional<ManifestFile> file = recorded.apply(path);
            Path onDisk = outputDir.resolve(path);
            if (file.isEmpty() || !Files.isRegularFile(onDisk)
                    || !AtomicFile.sha256(onDisk).equals(file.get().sha256())) {
                return render(fileStem);
            }
            files.add(WrittenFile.published(file.get()));
        }
        return files;
    }

    /** The relative paths of a declaration's two files, as manifest.json lists them. */
    public static List<String> paths(String fileStem) {
        return List.of(DIRECTORY + "/" + fileStem + ".csv", DIRECTORY + "/" + fileStem + ".xlsx");
    }

    /**
     * Writes the declaration's CSV and workbook under their tmp names; the caller
     * publishes them.
     */
    public List<WrittenFile> render(String fileStem) throws IOException {
        List<Assessment> entries = jdbc.query(ENTRIES, AssessmentRows.MAPPER, runId, fileStem);
        Path directory = Files.createDirectories(outputDir.resolve(DIRECTORY));
        Path csv = directory.resolve(fileStem + ".csv");
        Path xlsx = directory.resolve(fileStem + ".xlsx");
        List<WrittenFile> written = new ArrayList<>(2);
        try {
            AtomicFile.Pending csvFile;
            long rows;
            try (DeclarationCsvWriter writer = DeclarationCsvWriter.create(csv)) {
                for (Assessment a : entries) {
                    writer.write(a.entryNumber());
                }
                rows = writer.rows();
                csvFile = writer.finish();
            }
            written.add(new WrittenFile(ManifestFile.of(outputDir, csvFile, rows), csvFile));
            AtomicFile.Pending xlsxFile = AtomicFile.open(xlsx);
            written.add(new WrittenFile(null, xlsxFile));
            long workbookRows = DeclarationWorkbookWriter.write(xlsxFile.stream(), csv.getFileName().toString(),
                    runDate, entries);
            written.set(1, new WrittenFile(ManifestFile.of(outputDir, xlsxFile, workbookRows), xlsxFile));
            return written;
        }
        catch (IOException | RuntimeException e) {
            WrittenFile.discardAll(written);
            throw e;
        }
    }

}
