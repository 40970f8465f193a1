package org.capebatch.entry;

import java.util.List;

/**
 * The outcome of parsing one ES-003 row. {@code entryNumber} is null when the entry
 * number itself is invalid (the row cannot be tied to an entry, SPEC §2); {@code row} is
 * null when {@code errors} is not empty.
 */
public record ParsedRow(RowSource source, EntryNumber entryNumber, TariffRow row, List<RowError> errors) {

    public ParsedRow {
        errors = List.copyOf(errors);
        if (errors.isEmpty() == (row == null)) {
            throw new IllegalArgumentException("a parsed row has either a tariff row or errors, not both");
        }
    }

    public boolean rejected() {
        return !errors.isEmpty();
    }
}
