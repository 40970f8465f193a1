package org.capebatch.entry;

import java.math.BigDecimal;

/**
 * One parsed ES-003 row: one HTS number on one entry line (SPEC §2). {@code lineNumber}
 * and {@code tariffOrdinal} are null when the export does not carry them;
 * {@code htsNumber} holds digits only.
 */
public record TariffRow(RowSource source, EntryNumber entryNumber, Integer lineNumber, Integer tariffOrdinal,
        String htsNumber, BigDecimal duty, EntryFacts facts) {
}
