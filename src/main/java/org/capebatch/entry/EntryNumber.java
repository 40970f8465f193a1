package org.capebatch.entry;

/**
 * An 11-character CBP entry number: 3-character filer code, 7-digit sequence, check digit (CAPE-RULES §6).
 * Instances are always valid; build them with {@code parse}.
 */
public record EntryNumber(String value) implements Comparable<EntryNumber> {

    public String filerCode() {
        return value.substring(0, 3);
    }

    @Override
    public int compareTo(EntryNumber other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
