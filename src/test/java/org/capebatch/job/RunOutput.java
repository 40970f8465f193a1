package org.capebatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what a run wrote under its output directory (SPEC §5), independently of the
 * product's writers.
 */
record RunOutput(Path dir) {

    static final String ASSESSMENTS = "assessments.csv";
    static final String REJECTED = "rejected-rows.csv";
    static final String MANIFEST = "manifest.json";
    static final String SUMMARY = "summary.xlsx";

    Path declarations() {
        return dir.resolve("declarations");
    }

    /** assessments.csv rows keyed by entry number, in file order. */
    Map<String, Map<String, String>> assessments() throws IOException {
        Map<String, Map<String, String>> byEntry = new LinkedHashMap<>();
        for (Map<String, String> row : csv(dir.resolve(ASSESSMENTS))) {
            assertThat(byEntry.put(row.get("entry_number"), row)).as("entry listed once").isNull();
        }
        return byEntry;
    }

    List<Map<String, String>> rejected() throws IOException {
        return csv(dir.resolve(REJECTED));
    }

    /** Declaration CSV files by file name, each as its lines without the CRLF. */
    Map<String, List<String>> declarationCsvs() throws IOException {
        Map<String, List<String>> files = new TreeMap<>();
        if (!Files.isDirectory(declarations())) {
            return files;
        }
        try (Stream<Path> list = Files.list(declarations())) {
            for (Path p : list.filter(p -> p.getFileName().toString().endsWith(".csv")).toList()) {
                files.put(p.getFileName().toString(), crlfLines(p));
            }
        }
        return files;
    }

    JsonNode manifest() throws IOException {
        return JsonMapper.builder().build().readTree(Files.readString(dir.resolve(MANIFEST)));
    }

    /**
     * Every regular file under the output directory by its path relative to it, with
     * forward slashes.
     */
    List<String> allFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                .sorted()
                .toList();
        }
    }

    /**
     * The SHA-256 of the files compared byte for byte between runs (SPEC §5): every CSV
     * and manifest.json, whose hashes cover the workbooks too.
     */
    Map<String, String> comparableHashes() throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        for (String path : allFiles()) {
            if (path.endsWith(".csv") || path.equals(MANIFEST)) {
                hashes.put(path, sha256(dir.resolve(path)));
            }
        }
        return hashes;
    }

    /**
     * Text cells of column A of the first sheet, as the CBP template holds entry numbers.
     */
    static List<String> firstSheetColumnA(Path xlsx) throws IOException {
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            List<String> cells = new ArrayList<>();
            for (Row row : sheet) {
                Cell cell = row.getCell(0);
                assertThat(cell.getCellType()).as("cell %s of %s", cell.getAddress(), xlsx.getFileName())
                    .isEqualTo(CellType.STRING);
                cells.add(cell.getStringCellValue());
            }
            return cells;
        }
    }

    static boolean hasChart(Path xlsx) throws IOException {
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
                var drawing = workbook.getSheetAt(i).getDrawingPatriarch();
                if (drawing != null && !drawing.getCharts().isEmpty()) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Lines of a file whose every line must end with CRLF (SPEC §5). */
    static List<String> crlfLines(Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        assertThat(text).as("%s ends with CRLF", file.getFileName()).endsWith("\r\n");
        List<String> lines = List.of(text.substring(0, text.length() - 2).split("\r\n", -1));
        assertThat(lines).as("%s has no bare CR or LF", file.getFileName())
            .noneMatch(l -> l.indexOf('\n') >= 0 || l.indexOf('\r') >= 0);
        return lines;
    }

    static List<Map<String, String>> csv(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.DEFAULT.builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(reader)) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                rows.add(record.toMap());
            }
            return rows;
        }
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
