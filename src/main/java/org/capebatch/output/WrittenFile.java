package org.capebatch.output;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * An output file as manifest.json will list it, and, until it is published, the file
 * still under its tmp name. Rendering a declaration writes its files; publishing them is
 * left to the end of the chunk so that a chunk's files are forced to disk together
 * ({@link AtomicFile#commitAll}).
 */
public record WrittenFile(ManifestFile file, AtomicFile.Pending pending) {

    /** A file already on disk under its final name with the recorded hash. */
    public static WrittenFile published(ManifestFile file) {
        return new WrittenFile(file, null);
    }

    /**
     * Publishes every file not yet under its final name. Safe to call again after a
     * partial failure.
     */
    public static void publishAll(Collection<WrittenFile> files) throws IOException {
        List<AtomicFile.Pending> pending = new ArrayList<>();
        for (WrittenFile f : files) {
            if (f.pending() != null && !f.pending().published()) {
                pending.add(f.pending());
            }
        }
        AtomicFile.commitAll(pending);
    }

    /** Deletes the tmp files of those not published (after a failure). */
    public static void discardAll(Collection<WrittenFile> files) {
        for (WrittenFile f : files) {
            if (f.pending() != null) {
                try {
                    f.pending().close();
                }
                catch (IOException | RuntimeException e) {
                    // best effort: a tmp file left behind is deleted by the next write of
                    // the same target
                }
            }
        }
    }
}
