package org.capebatch.answers;

/**
 * What one answer row did to its entry: the outcome for answers.csv, why, and the entry
 * afterwards.
 */
public record Transition(Outcome outcome, String message, LedgerEntry before, LedgerEntry after) {

    public boolean changed() {
        return after != null && !after.equals(before);
    }
}
