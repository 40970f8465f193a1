package org.capebatch.output;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One output file in manifest.json: its path relative to the output directory with
 * forward slashes, its SHA-256, and its data rows (header excluded; for a workbook, its
 * entries or importers).
 */
public record ManifestFile(String path, String sha256, long rows) {

    /**
     * Describes {@code file}, which must lie under {@code outputDir}, hashing its current
     * bytes.
     */
    public static ManifestFile of(Path outputDir, Path file, long rows) throws IOException {
        return new ManifestFile(relativePath(outputDir, file), AtomicFile.sha256(file), rows);
    }

    /**
     * Describes {@code file}, which must lie under {@code outputDir}, with a hash
     * computed as it was written.
     */
    public static ManifestFile of(Path outputDir, Path file, String sha256, long rows) {
        return new ManifestFile(relativePath(outputDir, file), sha256, rows);
    }

    /**
     * Describes a file written through {@link AtomicFile.Pending}, with the hash computed
     * as it was written.
     */
    public static ManifestFile of(Path outputDir, AtomicFile.Pending file, long rows) throws IOException {
        return new ManifestFile(relativePath(outputDir, file.target()), file.sha256(), rows);
    }

    static String relativePath(Path outputDir, Path file) {
        Path relative = outputDir.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
        if (relative.toString().isEmpty() || relative.startsWith("..")) {
            throw new IllegalArgumentException(file + " is not inside " + outputDir);
        }
        StringBuilder path = new StringBuilder();
        for (Path part : relative) {
            if (!path.isEmpty()) {
                path.append('/');
            }
            path.append(part);
        }
        return path.toString();
    }
}
