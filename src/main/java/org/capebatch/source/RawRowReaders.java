package org.capebatch.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Opens ES-003 input files by extension and lists the files of an {@code input} parameter
 * (SPEC §1).
 */
public final class RawRowReaders {

    private RawRowReaders() {
    }

    /** A reader for a {@code .csv} or {@code .xlsx} file (extension case-insensitive). */
    public static RawRowReader open(Path file) {
        return switch (extension(file)) {
            case "csv" -> new CsvRawRowReader(file);
            case "xlsx" -> new XlsxRawRowReader(file);
            default -> throw new IllegalArgumentException(
                    "Unsupported input file " + file + ": expected a .csv or .xlsx file");
        };
    }

    /**
     * The input files of {@code fileOrDir}: the file itself, or every
     * {@code .csv}/{@code .xlsx} file directly in the directory in file-name order (SPEC
     * §1). Hidden files and Excel lock files ({@code ~$name.xlsx}) are left out: they are
     * not exports, and a lock file cannot be read while Excel has the workbook open.
     */
    public static List<Path> inputFiles(Path fileOrDir) {
        if (Files.isRegularFile(fileOrDir)) {
            if (!isSupported(fileOrDir)) {
                throw new IllegalArgumentException(
                        "Unsupported input file " + fileOrDir + ": expected a .csv or .xlsx file");
            }
            return List.of(fileOrDir);
        }
        if (!Files.isDirectory(fileOrDir)) {
            throw new IllegalArgumentException("Input not found: " + fileOrDir);
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(fileOrDir)) {
            files = listing.filter(Files::isRegularFile)
                .filter(RawRowReaders::isSupported)
                .filter(path -> !path.getFileName().toString().startsWith("~$"))
                .filter(path -> !path.getFileName().toString().startsWith("."))
                .sorted(Comparator.comparing(path -> path.getFileName().toString()))
                .toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot list input directory " + fileOrDir, e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("No .csv or .xlsx files in input directory " + fileOrDir);
        }
        return files;
    }

    private static boolean isSupported(Path file) {
        String extension = extension(file);
        return extension.equals("csv") || extension.equals("xlsx");
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

}
