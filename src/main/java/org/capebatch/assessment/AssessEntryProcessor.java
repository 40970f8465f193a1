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
import org.springframework.dao.DataAccessException;

/**
 * Parses, assembles and assesses one entry (SPEC §2–§4); row errors become the entry's
 * DATA_ERROR and rejected rows. Checks 13 and 14 use the ledger verdict that the reader
 * attached to the entry. An exception no check foresaw is not data: it leaves as
 * {@link UnassessableEntryException}, which the step skips and
 * {@link UnassessableEntries} records.
 */
public class AssessEntryProcessor implements ItemProcessor<StagedEntry, AssessedEntry> {

    /**
     * Staged cells are in Es003Column order (source.FragmentBuilder), so one canonical
     * header reads them all.
     */
    private static final Es003Header STAGED = Es003Header.resolve("staged",
            Arrays.stream(Es003Column.values()).map(Es003Column::header).toList());

    private final Es003RowParser parser = new Es003RowParser();

    private final EntryAssembler assembler = new EntryAssembler();

    private final EntryAssessor assessor;

    private final LocalDate runDate;

    private final GroupKeys groupKeys;

    public AssessEntryProcessor(EntryAssessor assessor, CapeRun run, GroupKeys groupKeys) {
        this.assessor = assessor;
        this.runDate = run.runDate();
        this.groupKeys = groupKeys;
    }

    @Override
    public AssessedEntry process(StagedEntry staged) {
        try {
            return assess(staged);
        }
        catch (DataAccessException e) {
            // The database's, not the entry's: the step retries transient ones and fails
            // on the rest.
            throw e;
        }
        catch (RuntimeException e) {
            throw new UnassessableEntryException(staged.number(), e);
        }
    }

    private AssessedEntry assess(StagedEntry staged) {
        if (staged.oversized()) {
            return oversized(staged);
        }
        List<ParsedRow> rows = new ArrayList<>(staged.rows().size());
        ParsedRow previous = null;
        String[] previousCells = null;
        for (StagedEntry.Row row : staged.rows()) {
            previous = row.defect() != null ? new ParsedRow(row.source(), staged.number(), null, List.of(row.defect()))
                    : parser.parseNext(row.source(), STAGED, row.cells(), previous, previousCells);
            previousCells = row.cells();
            rows.add(previous);
        }
        AssembledEntry assembled = assembler.assemble(staged.number(), rows);
        Assessment assessment = assessor.assess(assembled.entry(), runDate, staged.ledger());
        String groupKey = assessment.eligible() ? groupKeys.of(assessment.importerNumber(), staged.number()) : null;
        return new AssessedEntry(assessment, groupKey, assembled.rejections());
    }

    /**
     * An entry with more rows than anyone could hold is a DATA_ERROR (README "Choices"):
     * its importer and type come from its first row when that parses, and every one of
     * its rows is listed in rejected-rows.csv by the writer.
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
     * What is recorded for a skipped entry: a DATA_ERROR, with every one of its rows
     * listed in rejected-rows.csv with the exception, so nothing is lost silently.
     */
    AssessedEntry unassessable(StagedEntry staged, Throwable e) {
        String message = "entry could not be assessed: " + e;
        List<RowError> rejections = staged.rows()
            .stream()
            .map(row -> new RowError(row.source(), "", "", message))
            .toList();
        Entry entry = new Entry(staged.number(), null, List.of(), true);
        return new AssessedEntry(assessor.assess(entry, runDate, LedgerVerdict.NONE), null, rejections);
    }

}
