package org.capebatch.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.capebatch.entry.ImporterType;

/**
 * The verdict on one entry: one row of {@code assessments.csv} without its declaration
 * file name (SPEC §3–§5). {@code reason} is null and {@code reasons} empty when ELIGIBLE;
 * {@code importerNumber}/{@code entryType} are null for a DATA_ERROR entry none of whose
 * rows parsed.
 */
public record Assessment(String entryNumber, String importerNumber, String entryType, AssessmentStatus status,
        Reason reason, List<Reason> reasons, Remedy remedy, LocalDate deadline, boolean urgent, boolean refundDeferred,
        BigDecimal ieepaDuty, BigDecimal interest, BigDecimal refundTotal, ImporterType rateType, boolean rateAssumed) {

    public Assessment {
        reasons = List.copyOf(reasons);
    }

    public boolean eligible() {
        return status == AssessmentStatus.ELIGIBLE;
    }
}
