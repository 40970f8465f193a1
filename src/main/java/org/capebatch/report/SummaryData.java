package org.capebatch.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The run's totals for {@code summary.xlsx} (SPEC §5). Money totals are over eligible
 * entries; the per-reason rows cover excluded entries. The importer rows are streamed
 * separately (there can be thousands).
 */
public record SummaryData(LocalDate runDate, String input, long rowsRead, long rowsRejected, long entries,
        long eligible, BigDecimal ieepaDuty, BigDecimal interest, BigDecimal refundTotal,
        List<ReasonCount> excludedByReason) {

    public SummaryData {
        excludedByReason = List.copyOf(excludedByReason);
    }

    /** Every entry is either eligible or excluded (SPEC §3). */
    public long excluded() {
        return entries - eligible;
    }
}
