package org.capebatch.output;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The run's record of the files it published ({@code cape_output_file}), which
 * manifest.json lists.
 */
public final class OutputFiles {

    private final JdbcTemplate jdbc;

    private final long runId;

    public OutputFiles(JdbcTemplate jdbc, long runId) {
        this.jdbc = jdbc;
        this.runId = runId;
    }

    private static final String UPSERT = "INSERT INTO cape_output_file (run_id, path, sha256, rows) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (run_id, path) DO UPDATE SET sha256 = EXCLUDED.sha256, rows = EXCLUDED.rows";

    public void record(ManifestFile file) {
        jdbc.update(UPSERT, runId, file.path(), file.sha256(), file.rows());
    }

    /** Records several files in one batch of statements. */
    public void recordAll(List<ManifestFile> files) {
        if (!files.isEmpty()) {
            jdbc.batchUpdate(UPSERT,
                    files.stream().map(f -> new Object[] { runId, f.path(), f.sha256(), f.rows() }).toList());
        }
    }

    /**
     * Every recorded file of the run by path, for checking many files without a query
     * each.
     */
    public java.util.Map<String, ManifestFile> byPath() {
        java.util.Map<String, ManifestFile> files = new java.util.HashMap<>();
        all().forEach(f -> files.put(f.path(), f));
        return files;
    }

    /** The recorded file at {@code path}, if the run recorded one. */
    public java.util.Optional<ManifestFile> find(String path) {
        return jdbc
            .query("SELECT path, sha256, rows FROM cape_output_file WHERE run_id = ? AND path = ?",
                    (rs, i) -> new ManifestFile(rs.getString(1), rs.getString(2), rs.getLong(3)), runId, path)
            .stream()
            .findFirst();
    }

    public List<ManifestFile> all() {
        return jdbc.query("SELECT path, sha256, rows FROM cape_output_file WHERE run_id = ? ORDER BY path",
                (rs, i) -> new ManifestFile(rs.getString(1), rs.getString(2), rs.getLong(3)), runId);
    }

}
