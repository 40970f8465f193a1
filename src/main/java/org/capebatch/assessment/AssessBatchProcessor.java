package org.capebatch.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.capebatch.entry.AssembledEntry;
import org.capebatch.entry.Entry;
import org.capebatch.entry.EntryAssembler;
import org.capebatch.entry.EntryNumber;
import org.capebatch.entry.Es003Column;
import org.capebatch.entry.Es003Header;
import org.capebatch.entry.Es003RowParser;
import org.capebatch.entry.ParsedRow;
import org.capebatch.entry.RowError;
import org.capebatch.rules.Assessment;
import org.capebatch.rules.DeclarationLedger;
import org.capebatch.rules.EntryAssessor;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Parses, assembles and assesses a batch of entries (SPEC §2–§4); row errors become the entry's DATA_ERROR and
 * rejected rows. The ledger (check 13) is looked up once per batch,
 * not once per entry, and only when an earlier run declared anything at all.
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
    private final JdbcTemplate jdbc;
    private final long runId;
    private Boolean ledgerHasEarlierRuns;

    public AssessBatchProcessor(EntryAssessor assessor, LocalDate runDate, GroupKeys groupKeys, JdbcTemplate jdbc,
            long runId) {
        this.assessor = assessor;
        this.runDate = runDate;
        this.groupKeys = groupKeys;
        this.jdbc = jdbc;
        this.runId = runId;
    }

    @Override
    public List<AssessedEntry> process(List<StagedEntry> batch) {
        Set<String> declaredEarlier = declaredEarlier(batch);
        List<AssessedEntry> out = new ArrayList<>(batch.size());
        for (StagedEntry staged : batch) {
            try {
                out.add(assess(staged, declaredEarlier));
            } catch (RuntimeException e) {
                out.add(unassessable(staged, e));
            }
        }
        return out;
    }

    private AssessedEntry assess(StagedEntry staged, Set<String> declaredEarlier) {
        List<ParsedRow> rows = new ArrayList<>(staged.rows().size());
        ParsedRow previous = null;
        String[] previousCells = null;
        for (StagedEntry.Row row : staged.rows()) {
            previous = parser.parseNext(row.source(), STAGED, row.cells(), previous, previousCells);
            previousCells = row.cells();
            rows.add(previous);
        }
        AssembledEntry assembled = assembler.assemble(staged.number(), rows);
        Assessment assessment = assessor.assess(assembled.entry(), runDate,
                entry -> declaredEarlier.contains(entry.value()));
        String groupKey = assessment.eligible()
                ? groupKeys.of(assessment.importerNumber(), staged.number())
                : null;
        return new AssessedEntry(assessment, groupKey, assembled.rejections());
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
        return new AssessedEntry(assessor.assess(entry, runDate, DeclarationLedger.EMPTY), null, rejections);
    }

    private Set<String> declaredEarlier(List<StagedEntry> batch) {
        if (ledgerHasEarlierRuns == null) {
            ledgerHasEarlierRuns = Boolean.TRUE.equals(jdbc.queryForObject(
                    "SELECT EXISTS (SELECT 1 FROM cape_ledger WHERE run_id <> ?)", Boolean.class, runId));
        }
        if (!ledgerHasEarlierRuns) {
            return Set.of();
        }
        String[] numbers = batch.stream().map(StagedEntry::number).map(EntryNumber::value).toArray(String[]::new);
        return new HashSet<>(jdbc.query(con -> {
            var ps = con.prepareStatement("SELECT entry_number FROM cape_ledger"
                    + " WHERE entry_number = ANY (CAST(? AS CHAR(11)[])) AND run_id <> ?");
            ps.setArray(1, con.createArrayOf("text", numbers));
            ps.setLong(2, runId);
            return ps;
        }, (rs, i) -> rs.getString(1)));
    }
}
