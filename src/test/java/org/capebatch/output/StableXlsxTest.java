package org.capebatch.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StableXlsxTest {

    @TempDir
    Path dir;

    @Test
    void write_WhenWorkbook_ThenEveryZipEntryAndCreatedDateAtRunDate() throws IOException {
        Path target = dir.resolve("w.xlsx");
        LocalDate runDate = LocalDate.of(2026, 3, 1);

        StableSxssfWorkbook wb = new StableSxssfWorkbook(10);
        try {
            wb.createSheet("S").createRow(0).createCell(0).setCellValue("x");
            StableXlsx.write(target, wb, runDate);
        }
        finally {
            StableXlsx.release(wb);
        }

        try (ZipFile zip = new ZipFile(target.toFile())) {
            assertThat(Collections.list(zip.entries())).isNotEmpty()
                .allSatisfy((ZipEntry e) -> assertThat(e.getTimeLocal()).isEqualTo(runDate.atStartOfDay()));
        }
        try (InputStream in = Files.newInputStream(target); XSSFWorkbook read = new XSSFWorkbook(in)) {
            assertThat(read.getProperties().getCoreProperties().getCreated().toInstant())
                .hasToString("2026-03-01T00:00:00Z");
        }
        assertThat(Files.list(dir)).containsExactly(target);
    }

}
