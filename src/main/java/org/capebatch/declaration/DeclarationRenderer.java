package org.capebatch.declaration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.capebatch.assessment.AssessmentRows;
import org.capebatch.output.AtomicFile;
import org.capebatch.output.ManifestFile;
import org.capebatch.output.OutputFiles;
import org.capebatch.rules.Assessment;
import org.capebatch.run.CapeRun;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Renders one declaration, recorded in the ledger by the declare step, as its upload CSV and its workbook
 * (SPEC §5), read back from the database so a restarted run renders exactly the same files.
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
    private final OutputFiles recorded;

    public DeclarationRenderer(JdbcTemplate jdbc, CapeRun run) {
        this.jdbc = jdbc;
        this.runId = run.id();
        this.runDate = run.runDate();
        this.outputDir = run.outputDir();
        this.recorded = new OutputFiles(jdbc, runId);
    }

    /**
     * The declaration's files as recorded, when both are on disk with their recorded hashes; otherwise renders
     * them again (DESIGN.md: re-render only what is missing or differs).
     */
    public List<ManifestFile> renderIfChanged(String fileStem) throws IOException {
        List<ManifestFile> files = new ArrayList<>(2);
        for (String path : paths(fileStem)) {
            Optional<ManifestFile> file = recorded.find(path);
            Path onDisk = outputDir.resolve(path);
            if (file.isEmpty() || !Files.isRegularFile(onDisk)
                    || !AtomicFile.sha256(onDisk).equals(file.get().sha256())) {
                return render(fileStem);
            }
            files.add(file.get());
        }
        return files;
    }

    /** The relative paths of a declaration's two files, as manifest.json lists them. */
    public static List<String> paths(String fileStem) {
        return List.of(DIRECTORY + "/" + fileStem + ".csv", DIRECTORY + "/" + fileStem + ".xlsx");
    }

    public List<ManifestFile> render(String fileStem) throws IOException {
        List<Assessment> entries = jdbc.query(ENTRIES, AssessmentRows.MAPPER, runId, fileStem);
        Path directory = Files.createDirectories(outputDir.resolve(DIRECTORY));
        Path csv = directory.resolve(fileStem + ".csv");
        Path xlsx = directory.resolve(fileStem + ".xlsx");
        long rows = DeclarationCsvWriter.write(csv, entries.stream().map(Assessment::entryNumber).toList());
        long workbookRows = DeclarationWorkbookWriter.write(xlsx, csv.getFileName().toString(), runDate, entries);
        return List.of(ManifestFile.of(outputDir, csv, rows), ManifestFile.of(outputDir, xlsx, workbookRows));
    }
}
