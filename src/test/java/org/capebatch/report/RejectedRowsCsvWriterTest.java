package org.capebatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.capebatch.entry.RowError;
import org.capebatch.entry.RowSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RejectedRowsCsvWriterTest {

    @TempDir
    Path dir;

    @Test
    void write_WhenRowsNeedQuotingAndPrefix_ThenExactBytes() throws IOException {
        Path target = dir.resolve("rejected-rows.csv");

        try (RejectedRowsCsvWriter writer = RejectedRowsCsvWriter.create(target)) {
            writer.write(new RowError(new RowSource("/data/in/es003-2026.csv", 7), "Line Tariff Duty Amount", "-5",
                    "negative duty"));
            writer.write(new RowError(new RowSource("C:\\exports\\b.xlsx", 12), "Importer Number", "=SUM(A1:A2)",
                    "bad importer, \"formula\""));
            writer.write(new RowError(new RowSource("b.xlsx", 13), null, null, "duplicate row"));
            writer.write(new RowError(new RowSource("ü.csv", 2), "Entry Date", "31/12/2025", "bad date\nsee SPEC"));
            writer.commit();
            assertThat(writer.rows()).isEqualTo(4);
        }

        String expected = "source_file,line,column,value,message\r\n"
                + "es003-2026.csv,7,Line Tariff Duty Amount,'-5,negative duty\r\n"
                + "b.xlsx,12,Importer Number,'=SUM(A1:A2),\"bad importer, \"\"formula\"\"\"\r\n"
                + "b.xlsx,13,,,duplicate row\r\n" + "ü.csv,2,Entry Date,31/12/2025,\"bad date\nsee SPEC\"\r\n";
        assertThat(Files.readAllBytes(target)).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void write_WhenNoRows_ThenHeaderOnly() throws IOException {
        Path target = dir.resolve("rejected-rows.csv");

        try (RejectedRowsCsvWriter writer = RejectedRowsCsvWriter.create(target)) {
            writer.commit();
        }

        assertThat(target)
            .hasBinaryContent("source_file,line,column,value,message\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    @ParameterizedTest
    @CsvSource({ "a.csv, a.csv", "/x/y/a.csv, a.csv", "C:\\x\\a.csv, a.csv", "rel/a.xlsx, a.xlsx" })
    void fileNameOnly_WhenPath_ThenLastSegment(String file, String expected) {
        assertThat(RejectedRowsCsvWriter.fileNameOnly(file)).isEqualTo(expected);
    }

}
