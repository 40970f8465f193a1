package org.capebatch.declaration;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.capebatch.entry.EntryNumber;
import org.capebatch.rules.Assessment;

/**
 * Assigns eligible entries to declaration files of at most {@code maxEntries} (SPEC §5;
 * CBP's limit is 9,999). It streams: it keeps only the current group and entry, so
 * millions of entries need no memory. Because the input must be sorted by (group, entry
 * number) the result depends only on the set of entries, never on the order they were
 * read in, which keeps file names and contents identical across restarts. Out-of-order or
 * repeated input is refused rather than silently producing a second file for a group or a
 * duplicate entry.
 */
public final class DeclarationSplitter {

    private final int maxEntries;

    private final LocalDate runDate;

    private String group;

    private EntryNumber last;

    private int sequence;

    private int inFile;

    public DeclarationSplitter(int maxEntries, LocalDate runDate) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("max entries per declaration must be at least 1: " + maxEntries);
        }
        this.maxEntries = maxEntries;
        this.runDate = runDate;
    }

    /**
     * The file stem for {@code entry}; call with entries sorted by (groupKey, entry
     * number), each once.
     */
    public String assign(String groupKey, EntryNumber entry) {
        if (group == null || !group.equals(groupKey)) {
            if (group != null && groupKey.compareTo(group) < 0) {
                throw new IllegalStateException(
                        "group " + groupKey + " after group " + group + ": input must be sorted by group key");
            }
            group = groupKey;
            sequence = 1;
            inFile = 0;
        }
        else if (entry.compareTo(last) <= 0) {
            throw new IllegalStateException("entry " + entry + " after " + last + " in group " + groupKey
                    + ": input must be sorted by entry number without duplicates");
        }
        else if (inFile == maxEntries) {
            sequence++;
            inFile = 0;
        }
        last = entry;
        inFile++;
        return DeclarationGroups.fileStem(groupKey, runDate, sequence);
    }

    /**
     * Convenience for tests and small inputs: the declarations for the ELIGIBLE
     * assessments in {@code assessments} (excluded ones are skipped), grouped and split
     * as the job does.
     */
    public static List<Declaration> plan(List<Assessment> assessments, GroupBy groupBy, int maxEntries,
            LocalDate runDate) {
        record Keyed(String groupKey, EntryNumber entry) {
        }
        List<Keyed> keyed = assessments.stream().filter(Assessment::eligible).map(a -> {
            EntryNumber entry = new EntryNumber(a.entryNumber());
            return new Keyed(DeclarationGroups.groupKey(groupBy, a.importerNumber(), entry), entry);
        }).sorted(Comparator.comparing(Keyed::groupKey).thenComparing(Keyed::entry)).toList();
        DeclarationSplitter splitter = new DeclarationSplitter(maxEntries, runDate);
        List<Declaration> declarations = new ArrayList<>();
        List<EntryNumber> current = new ArrayList<>();
        String currentStem = null;
        String currentGroup = null;
        int currentSequence = 0;
        for (Keyed k : keyed) {
            String stem = splitter.assign(k.groupKey(), k.entry());
            if (!stem.equals(currentStem)) {
                if (currentStem != null) {
                    declarations.add(new Declaration(currentStem, currentGroup, currentSequence, current));
                }
                currentStem = stem;
                currentGroup = k.groupKey();
                currentSequence = splitter.sequence;
                current = new ArrayList<>();
            }
            current.add(k.entry());
        }
        if (currentStem != null) {
            declarations.add(new Declaration(currentStem, currentGroup, currentSequence, current));
        }
        return declarations;
    }

}
