package org.capebatch.answers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.capebatch.output.AtomicFile;

/**
 * One file of an answers import with its SHA-256 (SPEC §6.1: the name and hash of every
 * file identify the import). {@code index} is its position in name order, the order
 * answers are applied in (SPEC §6.5).
 */
public record AnswerFile(int index, Path path, String sha256) {

    public String name() {
        return path.getFileName().toString();
    }

    /**
     * The files of {@code fileOrDir}: the file itself, or every regular file directly in
     * the directory in name order. Hidden files and Excel lock files ({@code ~$…}) are
     * left out; anything else that is not an answers file stops the import with its name,
     * rather than being passed over silently.
     */
    public static List<AnswerFile> list(Path fileOrDir) {
        List<Path> paths;
        if (Files.isRegularFile(fileOrDir)) {
            paths = List.of(fileOrDir);
        }
        else if (Files.isDirectory(fileOrDir)) {
            try (Stream<Path> listing = Files.list(fileOrDir)) {
                paths = listing.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !p.getFileName().toString().startsWith("~$"))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
            }
            catch (IOException e) {
                throw new UncheckedIOException("Cannot list " + fileOrDir, e);
            }
            if (paths.isEmpty()) {
                throw new IllegalArgumentException("no files in " + fileOrDir);
            }
        }
        else {
            throw new IllegalArgumentException("not found: " + fileOrDir);
        }
        List<AnswerFile> files = new ArrayList<>(paths.size());
        for (Path path : paths) {
            try {
                files.add(new AnswerFile(files.size(), path, AtomicFile.sha256(path)));
            }
            catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + path, e);
            }
        }
        return files;
    }
}
