package org.capebatch.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.capebatch.output.ManifestFile;

/**
 * What {@code manifest.json} says about a run (SPEC §5): the identifying job parameters,
 * counts, eligible totals and every output file. Deliberately no timestamps or execution
 * ids: the manifest of a restarted run must be byte-identical to one that went straight
 * through.
 */
public record Manifest(String jobName, String input, LocalDate runDate, Counts counts, Totals totals,
        List<ManifestFile> files) {

    public Manifest {
        files = List.copyOf(files);
    }

    /**
     * Row and entry counts; {@code excluded} follows from the others (SPEC §3: eligible
     * or excluded).
     */
    public record Counts(long rowsRead, long rowsRejected, long entries, long eligible) {
        public long excluded() {
            return entries - eligible;
        }
    }

    /** Money totals over eligible entries (SPEC §5). */
    public record Totals(BigDecimal ieepaDuty, BigDecimal interest, BigDecimal refundTotal) {
    }
}
