package org.capebatch.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.capebatch.entry.EntryNumber;
import org.capebatch.entry.ImporterType;
import org.capebatch.jobstore.MigratedStore;
import org.capebatch.output.AtomicFile;
import org.capebatch.output.ManifestFile;
import org.capebatch.rules.Assessment;
import org.capebatch.rules.AssessmentStatus;
import org.capebatch.rules.Reason;
import org.capebatch.rules.Remedy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * assessments.csv written by PostgreSQL's COPY must be byte for byte what
 * {@link AssessmentCsvWriter} writes row by row from the same assessments: the row writer
 * is the reference, fed here with the cells that stress every rule of SPEC §5.
 */
class AssessmentCsvCopyTest {

    /**
     * Importer numbers and entry types as a hostile export may carry them: formula
     * starters, quotes, separators, line breaks, blanks, non-ASCII, and near misses.
     */
    private static final List<String> HOSTILE = List.of("=SUM(A1)", "+1", "-5", "@cmd", "\tTAB", "\rCR", "\r\n", "a,b",
            "say \"hi\"", "\"", "\"\"", "line1\nline2", "line1\r\nline2", "trailing\r", "   ", " =x", "x=", "é",
            "中文,番号", "😀", "'quoted", "\\.", "\\N", "back\\slash", "NULL", "", "a\"b,c\nd", "-", "=\"=\"",
            "12-3456789AB", "Ünïcödé \"mixed\", lines\n");

    private static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 30);

    @TempDir
    Path dir;

    @RegisterExtension
    static final MigratedStore store = new MigratedStore();

    @BeforeEach
    void clean() {
        store.jdbc().execute("TRUNCATE cape_assessment, cape_ledger");
    }

    @Test
    void write_WhenHostileCells_ThenSameBytesAsTheRowWriter() throws Exception {
        // given: every hostile value as importer and as entry type, on eligible entries
        // with a declaration and excluded ones, and every money, date, flag and reason
        // shape
        List<Assessment> assessments = new ArrayList<>();
        List<String> declarations = new ArrayList<>();
        int n = 0;
        for (String hostile : HOSTILE) {
            String other = HOSTILE.get((n * 7 + 3) % HOSTILE.size());
            assessments.add(eligible(entry(n++), hostile, other, n % 2 == 0 ? LocalDate.of(2026, 12, 14) : null,
                    new BigDecimal("1234.50"), new BigDecimal("0.07")));
            declarations.add("CAPE_IMP" + n + "_20261130_001");
            assessments.add(excluded(entry(n++), other, hostile));
            declarations.add(null);
        }
        assessments.add(
                eligible(entry(n++), null, null, null, new BigDecimal("9999999999999999.99"), new BigDecimal("-5.00")));
        declarations.add("CAPE_ALL_20261130_1000");
        assessments.add(
                eligible(entry(n++), "12-3456789AB", "01", LocalDate.of(2027, 1, 1), BigDecimal.ZERO, BigDecimal.ZERO));
        declarations.add("CAPE_123456789AB_20261130_002");
        store(9, assessments, declarations);

        // when
        Path copied = dir.resolve("copied/assessments.csv");
        ManifestFile file = AssessmentCsvCopy.write(store.dataSource(), 9, copied.getParent(), copied);

        // then
        Path reference = dir.resolve("reference/assessments.csv");
        long rows = writeWithRowWriter(reference, assessments, declarations);
        assertThat(new String(Files.readAllBytes(copied), StandardCharsets.UTF_8))
            .isEqualTo(new String(Files.readAllBytes(reference), StandardCharsets.UTF_8));
        assertThat(Files.readAllBytes(copied)).isEqualTo(Files.readAllBytes(reference));
        assertThat(file.sha256()).isEqualTo(AtomicFile.sha256(reference));
        assertThat(file.rows()).isEqualTo(rows).isEqualTo(assessments.size());
        assertThat(file.path()).isEqualTo("assessments.csv");
    }

    @Test
    void write_WhenNoAssessments_ThenHeaderOnly() throws Exception {
        Path copied = dir.resolve("assessments.csv");

        ManifestFile file = AssessmentCsvCopy.write(store.dataSource(), 10, dir, copied);

        assertThat(Files.readString(copied)).isEqualTo(AssessmentCsvWriter.HEADER + "\r\n");
        assertThat(file.rows()).isZero();
    }

    @Test
    void write_WhenExcludedEntryOnADeclaration_ThenRefusedAndNothingPublished() throws Exception {
        // given: a ledger row for an excluded entry, which the declare step never writes
        Assessment bad = excluded(entry(1), "IMP", "01");
        store(11, List.of(eligible(entry(0), "IMP", "01", null, BigDecimal.ONE, BigDecimal.ONE), bad),
                java.util.Arrays.asList("CAPE_IMP_20261130_001", "CAPE_IMP_20261130_001"));
        Path copied = dir.resolve("assessments.csv");

        // when / then
        assertThatThrownBy(() -> AssessmentCsvCopy.write(store.dataSource(), 11, dir, copied))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("excluded entry " + bad.entryNumber() + " cannot be on a declaration");
        assertThat(Files.list(dir)).isEmpty();
    }

    @Test
    void records_WhenChunksSplitAnywhere_ThenSameCrlfBytes() throws IOException {
        // given: COPY's CSV of two records, the first with a quoted LF, fed one byte at a
        // time
        String copy = "ABC12345676,\"a\nb\"\"\",01,ELIGIBLE,,,FILE_CAPE,,N,N,1.00,0.00,1.00,,N,CAPE_A_20261130_001.csv\n"
                + "ABC12345684,,,EXCLUDED,DATA_ERROR,DATA_ERROR,FIX_DATA,,N,N,0.00,0.00,0.00,,N,\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AssessmentCsvCopy.Records records = new AssessmentCsvCopy.Records(out);

        // when
        for (byte b : copy.getBytes(StandardCharsets.UTF_8)) {
            records.accept(new byte[] { b });
        }
        records.finish();

        // then
        assertThat(out.toString(StandardCharsets.UTF_8))
            .isEqualTo(copy.replace(",\n", ",\r\n").replace(".csv\n", ".csv\r\n"));
        assertThat(records.rows()).isEqualTo(2);
    }

    @Test
    void records_WhenEntryNumbersNotAscending_ThenRefused() {
        String copy = "ABC12345684,,,EXCLUDED,DATA_ERROR,DATA_ERROR,FIX_DATA,,N,N,0.00,0.00,0.00,,N,\n"
                + "ABC12345676,,,EXCLUDED,DATA_ERROR,DATA_ERROR,FIX_DATA,,N,N,0.00,0.00,0.00,,N,\n";
        AssessmentCsvCopy.Records records = new AssessmentCsvCopy.Records(new ByteArrayOutputStream());

        assertThatThrownBy(() -> records.accept(copy.getBytes(StandardCharsets.UTF_8)))
            .hasMessage("assessments must be strictly ascending by entry number: ABC12345676 after ABC12345684");
    }

    private static String entry(int n) {
        String ten = String.format("AB%c%07d", (char) ('A' + n % 26), n);
        return ten + EntryNumber.checkDigit(ten);
    }

    private static Assessment eligible(String entry, String importer, String type, LocalDate deadline, BigDecimal duty,
            BigDecimal interest) {
        return new Assessment(entry, importer, type, AssessmentStatus.ELIGIBLE, null, List.of(), Remedy.FILE_CAPE,
                deadline, deadline != null, deadline == null, duty.setScale(2), interest.setScale(2),
                duty.add(interest).setScale(2), deadline == null ? null : ImporterType.NON_CORPORATE, deadline != null);
    }

    private static Assessment excluded(String entry, String importer, String type) {
        return new Assessment(entry, importer, type, AssessmentStatus.EXCLUDED, Reason.LIQUIDATION_WINDOW_PASSED,
                List.of(Reason.LIQUIDATION_WINDOW_PASSED, Reason.STATEMENT_UNPAID), Remedy.PROTEST,
                LocalDate.of(2026, 8, 28), false, false, new BigDecimal("99.00"), BigDecimal.ZERO.setScale(2),
                BigDecimal.ZERO.setScale(2), ImporterType.CORPORATE, false);
    }

    private static void store(long runId, List<Assessment> assessments, List<String> declarations) {
        for (int i = 0; i < assessments.size(); i++) {
            Assessment a = assessments.get(i);
            store.jdbc()
                .update("""
                        INSERT INTO cape_assessment (run_id, entry_number, importer_number, entry_type, status, reason,
                                                     reasons, remedy, deadline, urgent, refund_deferred, ieepa_duty,
                                                     interest, refund_total, rate_type, rate_assumed, group_key)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)
                        """, runId, a.entryNumber(), a.importerNumber(), a.entryType(), a.status().name(),
                        a.reason() == null ? null : a.reason().name(),
                        String.join("|", a.reasons().stream().map(Reason::name).toList()), a.remedy().name(),
                        a.deadline(), a.urgent(), a.refundDeferred(), a.ieepaDuty(), a.interest(), a.refundTotal(),
                        a.rateType() == null ? null : a.rateType().name(), a.rateAssumed());
            if (declarations.get(i) != null) {
                store.jdbc()
                    .update("INSERT INTO cape_ledger (entry_number, run_id, declaration) VALUES (?, ?, ?)",
                            a.entryNumber(), runId, declarations.get(i));
            }
        }
    }

    /** The reference: the row writer, given the assessments sorted by entry number. */
    private static long writeWithRowWriter(Path target, List<Assessment> assessments, List<String> declarations)
            throws IOException {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < assessments.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(i -> assessments.get(i).entryNumber()));
        Files.createDirectories(target.getParent());
        try (AssessmentCsvWriter writer = AssessmentCsvWriter.create(target)) {
            for (int i : order) {
                writer.write(assessments.get(i), declarations.get(i) == null ? null : declarations.get(i) + ".csv");
            }
            writer.commit();
            return writer.rows();
        }
    }

}
