package org.capebatch.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.capebatch.entry.AssembledEntry;
import org.capebatch.entry.Entry;
import org.capebatch.entry.EntryAssembler;
import org.capebatch.entry.EntryFacts;
import org.capebatch.entry.Es003Column;
import org.capebatch.entry.Es003Header;
import org.capebatch.entry.Es003RowParser;
import org.capebatch.entry.ParsedRow;
import org.capebatch.entry.RowError;
import org.capebatch.rules.Assessment;
import org.capebatch.rules.EntryAssessor;
import org.capebatch.rules.LedgerVerdict;
import org.capebatch.run.CapeRun;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Parses, assembles and assesses a batch of entries (SPEC §2–§4); row errors become the entry's DATA_ERROR and
 * rejected rows. Checks 13 and 14 use the ledger verdict that the reader attached to each entry.
 */
public class AssessBatchProcessor implements ItemProcessor<List<StagedEntry>, List<AssessedEntry>> {

    /** Staged cells are in Es003Column order (source.FragmentBuilder), so one canonical header reads them all. */
    private static final Es003Header STAGED = Es003Header.resolve("staged",
            Arrays.stream(Es003Column.values()).map(Es003Column::header).toList());

    private final Es003RowParser parser = new Es003RowParser();
    private final EntryAssembler assembler = new EntryAssembler();
    private final EntryAssessor assessor;
    private final LocalDate runDate;
    private final GroupKeys groupKeys;

    public AssessBatchProcessor(EntryAssessor assessor, CapeRun run, GroupKeys groupKeys) {
        this.assessor = assessor;
        this.runDate = run.runDate();
        this.groupKeys = groupKeys;
    }

    @Override
    public List<AssessedEntry> process(List<StagedEntry> batch) {
        List<AssessedEntry> out = new ArrayList<>(batch.size());
        for (StagedEntry staged : batch) {
            try {
                out.add(assess(staged));
            } catch (RuntimeException e) {
                out.add(unassessable(staged, e));
            }
        }
        return out;
    }

    private AssessedEntry assess(StagedEntry staged) {
        if (staged.oversized()) {
            return oversized(staged);
        }
        List<ParsedRow> rows = new ArrayList<>(staged.rows().size());
        ParsedRow previous = null;
        String[] previousCells = null;
        for (StagedEntry.Row row : staged.rows()) {
            previous = row.defect() != null
                    ? new ParsedRow(row.source(), staged.number(), null, List.of(row.defect()))
                    : parser.parseNext(row.source(), STAGED, row.cells(), previous, previousCells);
            previousCells = row.cells();
            rows.add(previous);
        }
        AssembledEntry assembled = assembler.assemble(staged.number(), rows);
        Assessment assessment = assessor.assess(assembled.entry(), runDate, staged.ledger());
        String groupKey = assessment.eligible()
                ? groupKeys.of(assessment.importerNumber(), staged.number())
                : null;
        return new AssessedEntry(assessment, groupKey, assembled.rejections());
    }

    /**
     * An entry with more rows than anyone could hold is a DATA_ERROR (README "Choices"): its importer and type come
     * from its first row when that parses, and every one of its rows is listed in rejected-rows.csv by the writer.
     */
    private AssessedEntry oversized(StagedEntry staged) {
        StagedEntry.Row first = staged.rows().get(0);
        ParsedRow parsed = first.defect() != null ? null : parser.parse(first.source(), STAGED, first.cells());
        EntryFacts facts = parsed == null || parsed.rejected() ? null : parsed.row().facts();
        Entry entry = new Entry(staged.number(), facts, List.of(), true);
        return new AssessedEntry(assessor.assess(entry, runDate, staged.ledger()), null, List.of(),
                "entry has " + staged.oversizedRows() + " rows, more than the " + StagedEntryReader.MAX_ENTRY_ROWS
                        + " one entry may have: not assessed (is the export one entry repeated?)");
    }

    /**
     * An entry whose data makes the rules themselves fail (a value no check foresaw) is isolated, not skipped with
     * its whole batch: it becomes a DATA_ERROR, and every one of its rows is listed in rejected-rows.csv with the
     * reason, so nothing is lost silently and the other entries of the batch go on.
     */
    private AssessedEntry unassessable(StagedEntry staged, RuntimeException e) {
        String message = "entry could not be assessed: " + e;
        List<RowError> rejections = staged.rows().stream()
                .map(row -> new RowError(row.source(), "", "", message)).toList();
        Entry entry = new Entry(staged.number(), null, List.of(), true);
        return new AssessedEntry(assessor.assess(entry, runDate, LedgerVerdict.NONE), null, rejections);
    }
}
