package org.capebatch.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.capebatch.output.ManifestFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestWriterTest {

    @TempDir
    Path dir;

    static Manifest manifest(List<ManifestFile> files) {
        return new Manifest("capeDeclarationJob", "in/es003.csv", LocalDate.of(2026, 3, 1),
                new Manifest.Counts(120, 3, 40, 31),
                new Manifest.Totals(new BigDecimal("1000.5"), new BigDecimal("7.25"), new BigDecimal("1007.75")),
                files);
    }

    @Test
    void write_WhenSmallRun_ThenExactJsonWithFilesSortedByPath() throws IOException {
        Path target = dir.resolve("manifest.json");
        List<ManifestFile> files = List.of(new ManifestFile("summary.xlsx", "c".repeat(64), 2),
                new ManifestFile("declarations/CAPE_ALL_20260301_001.csv", "a".repeat(64), 31),
                new ManifestFile("assessments.csv", "b".repeat(64), 40));

        ManifestWriter.write(target, manifest(files));

        String expected = """
                {
                  "job": {
                    "name": "capeDeclarationJob",
                    "parameters": {
                      "input": "in/es003.csv",
                      "runDate": "2026-03-01"
                    }
                  },
                  "counts": {
                    "rows_read": 120,
                    "rows_rejected": 3,
                    "entries": 40,
                    "eligible": 31,
                    "excluded": 9
                  },
                  "totals": {
                    "ieepa_duty": "1000.50",
                    "interest": "7.25",
                    "refund_total": "1007.75"
                  },
                  "files": [
                    {
                      "path": "assessments.csv",
                      "sha256": "%s",
                      "rows": 40
                    },
                    {
                      "path": "declarations/CAPE_ALL_20260301_001.csv",
                      "sha256": "%s",
                      "rows": 31
                    },
                    {
                      "path": "summary.xlsx",
                      "sha256": "%s",
                      "rows": 2
                    }
                  ]
                }
                """.formatted("b".repeat(64), "a".repeat(64), "c".repeat(64));
        assertThat(Files.readAllBytes(target)).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
        assertThat(Files.list(dir)).containsExactly(target);
    }

    @Test
    void toJson_WhenFilesGivenInAnotherOrder_ThenSameText() {
        ManifestFile a = new ManifestFile("a.csv", "1".repeat(64), 1);
        ManifestFile b = new ManifestFile("declarations/b.csv", "2".repeat(64), 2);

        assertThat(ManifestWriter.toJson(manifest(List.of(b, a))))
            .isEqualTo(ManifestWriter.toJson(manifest(List.of(a, b))));
    }

    @Test
    void toJson_WhenSamePathTwice_ThenRefused() {
        ManifestFile a = new ManifestFile("a.csv", "1".repeat(64), 1);

        assertThatThrownBy(() -> ManifestWriter.toJson(manifest(List.of(a, a))))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void manifestFileOf_WhenNestedFile_ThenForwardSlashPathHashAndRows() throws IOException {
        Path file = dir.resolve("declarations").resolve("CAPE_ALL_20260301_001.csv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "abc");

        ManifestFile described = ManifestFile.of(dir, file, 0);

        assertThat(described).isEqualTo(new ManifestFile("declarations/CAPE_ALL_20260301_001.csv",
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", 0));
    }

}
