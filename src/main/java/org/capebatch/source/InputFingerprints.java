package org.capebatch.source;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The fingerprints of a run's input files (table {@code cape_input_fingerprint}):
 * recorded once by the input check step, compared by every import partition before and
 * after it reads its file, and by the runner before it resumes a run. A run of
 * {@code input=db} has none, so nothing is compared for it.
 */
public class InputFingerprints {

    private final JdbcTemplate jdbc;

    public InputFingerprints(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the file's fingerprint for the run; a repeated input check of the same run
     * replaces it.
     */
    public void record(long runId, InputFile file) {
        record(runId, file, InputFingerprint.of(file.path()));
    }

    /** Records a fingerprint taken of the file just now. */
    public void record(long runId, InputFile file, InputFingerprint fingerprint) {
        jdbc.update(
                "INSERT INTO cape_input_fingerprint (run_id, file_index, source_file, size, modified_nanos, sha256)"
                        + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (run_id, file_index) DO UPDATE SET"
                        + " source_file = EXCLUDED.source_file, size = EXCLUDED.size,"
                        + " modified_nanos = EXCLUDED.modified_nanos, sha256 = EXCLUDED.sha256",
                runId, file.index(), file.name(), fingerprint.size(), fingerprint.modifiedNanos(),
                fingerprint.sha256());
    }

    /**
     * Fails when the file's size or modification time differs from what was recorded for
     * the run; {@code when} says at which point of the import ("before its import",
     * "while it was imported").
     */
    public void checkUnchanged(long runId, InputFile file, String when) {
        Optional<InputFingerprint> recorded = recorded(runId).stream()
            .filter(f -> f.name().equals(file.name()))
            .findFirst();
        if (recorded.isEmpty()) {
            return;
        }
        InputFingerprint now = InputFingerprint.stat(file.path());
        if (!recorded.get().sameStat(now)) {
            throw new InputChangedException("input file " + file.name() + " changed " + when + " ("
                    + recorded.get().difference(now) + "); restore the file as it was when the run started and"
                    + " run the same command again, or abandon this run and start over with another runDate");
        }
    }

    /**
     * Before a run is resumed: the first difference between the recorded input and
     * {@code input} now (a file added, removed, resized, touched or rewritten), or empty
     * when they agree or nothing was recorded.
     */
    public Optional<String> differenceOnRestart(long runId, Path input) {
        List<InputFingerprint> recorded = recorded(runId);
        if (recorded.isEmpty()) {
            return Optional.empty();
        }
        List<InputFile> files;
        try {
            files = InputFiles.list(input);
        }
        catch (RuntimeException e) {
            return Optional.of(e.getMessage());
        }
        Map<String, InputFile> current = files.stream().collect(Collectors.toMap(InputFile::name, Function.identity()));
        for (InputFingerprint then : recorded) {
            InputFile file = current.remove(then.name());
            if (file == null) {
                return Optional.of("input file " + then.name() + " is gone");
            }
            InputFingerprint now = InputFingerprint.stat(file.path());
            if (!then.sameStat(now)) {
                return Optional.of("input file " + then.name() + " changed (" + then.difference(now) + ")");
            }
            now = InputFingerprint.of(file.path());
            if (!now.sha256().equals(then.sha256())) {
                return Optional.of("input file " + then.name() + " changed (" + then.difference(now) + ")");
            }
        }
        if (!current.isEmpty()) {
            return Optional.of("input file " + current.keySet().stream().sorted().findFirst().orElseThrow()
                    + " was added to the input directory");
        }
        return Optional.empty();
    }

    private List<InputFingerprint> recorded(long runId) {
        return jdbc.query(
                "SELECT source_file, size, modified_nanos, sha256 FROM cape_input_fingerprint"
                        + " WHERE run_id = ? ORDER BY file_index",
                (rs, i) -> new InputFingerprint(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4)), runId);
    }

}
