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

import org.capebatch.entry.ImporterType;
import org.capebatch.rules.Assessment;
import org.capebatch.rules.AssessmentStatus;
import org.capebatch.rules.Reason;
import org.capebatch.rules.Remedy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssessmentCsvWriterTest {

    static final Assessment ELIGIBLE = new Assessment("ABC12345676", "12-3456789AB", "01", AssessmentStatus.ELIGIBLE,
            null, List.of(), Remedy.FILE_CAPE, LocalDate.of(2026, 4, 2), true, false, new BigDecimal("1234.5"),
            new BigDecimal("12.34"), new BigDecimal("1246.84"), ImporterType.CORPORATE, true);

    static final Assessment WINDOW_PASSED = new Assessment("ABC12345684", "=SUM(A1)", "-5", AssessmentStatus.EXCLUDED,
            Reason.LIQUIDATION_WINDOW_PASSED, List.of(Reason.LIQUIDATION_WINDOW_PASSED, Reason.STATEMENT_UNPAID),
            Remedy.PROTEST, LocalDate.of(2026, 8, 28), false, false, new BigDecimal("99.00"), BigDecimal.ZERO,
            BigDecimal.ZERO, ImporterType.NON_CORPORATE, false);

    static final Assessment DATA_ERROR = new Assessment("ZZZ00000017", null, null, AssessmentStatus.EXCLUDED,
            Reason.DATA_ERROR, List.of(Reason.DATA_ERROR), Remedy.FIX_DATA, null, false, false, BigDecimal.ZERO,
            BigDecimal.ZERO, BigDecimal.ZERO, null, false);

    static final String EXPECTED = AssessmentCsvWriter.HEADER + "\r\n"
            + "ABC12345676,12-3456789AB,01,ELIGIBLE,,,FILE_CAPE,2026-04-02,Y,N,1234.50,12.34,1246.84,CORPORATE,Y,"
            + "CAPE_123456789AB_20260301_001.csv\r\n"
            + "ABC12345684,'=SUM(A1),'-5,EXCLUDED,LIQUIDATION_WINDOW_PASSED,LIQUIDATION_WINDOW_PASSED|STATEMENT_UNPAID,"
            + "PROTEST,2026-08-28,N,N,99.00,0.00,0.00,NON_CORPORATE,N,\r\n"
            + "ZZZ00000017,,,EXCLUDED,DATA_ERROR,DATA_ERROR,FIX_DATA,,N,N,0.00,0.00,0.00,,N,\r\n";

    @TempDir
    Path dir;

    @Test
    void header_IsExactlySpec() {
        assertThat(AssessmentCsvWriter.HEADER).isEqualTo("entry_number,importer_number,entry_type,status,reason,"
                + "reasons,remedy,deadline,urgent,refund_deferred,ieepa_duty,interest,refund_total,rate_type,"
                + "rate_assumed,declaration");
    }

    @Test
    void write_WhenThreeEntries_ThenExactCrlfBytesWithoutBom() throws IOException {
        Path target = dir.resolve("assessments.csv");

        long rows = writeSample(target);

        assertThat(rows).isEqualTo(3);
        assertThat(Files.readAllBytes(target)).isEqualTo(EXPECTED.getBytes(StandardCharsets.UTF_8));
        assertThat(Files.list(dir)).containsExactly(target);
    }

    @Test
    void write_WhenWrittenTwice_ThenSameBytes() throws IOException {
        Path first = dir.resolve("a.csv");
        Path second = dir.resolve("b.csv");
        writeSample(first);
        writeSample(second);

        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    }

    @Test
    void write_WhenNotAscending_ThenRefusedAndNothingPublished() throws IOException {
        Path target = dir.resolve("assessments.csv");

        try (AssessmentCsvWriter writer = AssessmentCsvWriter.create(target)) {
            writer.write(WINDOW_PASSED, null);
            assertThatThrownBy(() -> writer.write(ELIGIBLE, "x.csv")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> writer.write(WINDOW_PASSED, null)).isInstanceOf(IllegalArgumentException.class);
        }

        assertThat(Files.list(dir)).isEmpty();
    }

    @Test
    void write_WhenExcludedEntryHasDeclaration_ThenRefused() throws IOException {
        try (AssessmentCsvWriter writer = AssessmentCsvWriter.create(dir.resolve("assessments.csv"))) {
            assertThatThrownBy(() -> writer.write(DATA_ERROR, "CAPE_ALL_20260301_001.csv"))
                .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static long writeSample(Path target) throws IOException {
        try (AssessmentCsvWriter writer = AssessmentCsvWriter.create(target)) {
            writer.write(ELIGIBLE, "CAPE_123456789AB_20260301_001.csv");
            writer.write(WINDOW_PASSED, null);
            writer.write(DATA_ERROR, null);
            writer.commit();
            return writer.rows();
        }
    }

}
