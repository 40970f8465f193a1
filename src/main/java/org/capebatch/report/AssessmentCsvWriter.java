package org.capebatch.report;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Collectors;

import org.capebatch.output.CsvCells;
import org.capebatch.output.CsvFile;
import org.capebatch.rules.Assessment;
import org.capebatch.rules.Reason;

/**
 * Streams {@code assessments.csv} (SPEC §5): one row per entry, in entry-number order,
 * UTF-8, CRLF, no BOM. Published only by {@link #commit()}; {@link #close()} without it
 * discards the partial file, so a failed step never leaves a truncated report under the
 * final name and a restart simply writes it again.
 */
public final class AssessmentCsvWriter implements Closeable {

    public static final String FILE_NAME = "assessments.csv";

    public static final String HEADER = "entry_number,importer_number,entry_type,status,reason,reasons,remedy,"
            + "deadline,urgent,refund_deferred,ieepa_duty,interest,refund_total,rate_type,rate_assumed,declaration";

    private final CsvFile file;

    private String lastEntry;

    private AssessmentCsvWriter(CsvFile file) {
        this.file = file;
    }

    public static AssessmentCsvWriter create(Path target) throws IOException {
        return new AssessmentCsvWriter(CsvFile.create(target, StandardCharsets.UTF_8, HEADER));
    }

    /**
     * Appends one entry. {@code declarationFileName} is the declaration CSV's file name,
     * null when the entry is on none; an excluded entry is never on one (SPEC §5). Rows
     * must come in strictly ascending entry-number order: the sort is what makes the file
     * byte-identical across runs, so a violation is refused, not written.
     */
    public void write(Assessment a, String declarationFileName) throws IOException {
        if (lastEntry != null && a.entryNumber().compareTo(lastEntry) <= 0) {
            throw new IllegalArgumentException("assessments must be strictly ascending by entry number: "
                    + a.entryNumber() + " after " + lastEntry);
        }
        if (!a.eligible() && declarationFileName != null) {
            throw new IllegalArgumentException("excluded entry " + a.entryNumber() + " cannot be on a declaration");
        }
        file.row(CsvCells.text(a.entryNumber()), CsvCells.text(a.importerNumber()), CsvCells.text(a.entryType()),
                a.status().name(), a.reason() == null ? "" : a.reason().name(),
                a.reasons().stream().map(Reason::name).collect(Collectors.joining("|")),
                a.remedy() == null ? "" : a.remedy().name(), CsvCells.date(a.deadline()), CsvCells.flag(a.urgent()),
                CsvCells.flag(a.refundDeferred()), CsvCells.money(a.ieepaDuty()), CsvCells.money(a.interest()),
                CsvCells.money(a.refundTotal()), a.rateType() == null ? "" : a.rateType().name(),
                CsvCells.flag(a.rateAssumed()), CsvCells.text(declarationFileName));
        lastEntry = a.entryNumber();
    }

    public long rows() {
        return file.rows();
    }

    public void commit() throws IOException {
        file.commit();
    }

    /** SHA-256 of the published file, computed while it was written. */
    public String sha256() throws IOException {
        return file.sha256();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }

}
