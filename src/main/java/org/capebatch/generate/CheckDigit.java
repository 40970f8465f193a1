package org.capebatch.generate;

import org.capebatch.entry.EntryNumber;

/**
 * Builds valid entry numbers for generated data with the check digit of
 * {@link EntryNumber} (CAPE-RULES §6).
 */
final class CheckDigit {

    private CheckDigit() {
    }

    /** The full 11-character entry number. */
    static String entryNumber(String filerCode, int sequence) {
        if (sequence < 0 || sequence > 9_999_999) {
            throw new IllegalArgumentException("Sequence out of range: " + sequence);
        }
        String tenChars = filerCode + String.format("%07d", sequence);
        return tenChars + EntryNumber.checkDigit(tenChars);
    }

}
