package org.capebatch.job;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.capebatch.declaration.DeclarationGroups;
import org.capebatch.declaration.GroupBy;
import org.capebatch.entry.AssembledEntry;
import org.capebatch.entry.EntryAssembler;
import org.capebatch.entry.EntryNumber;
import org.capebatch.entry.RowError;
import org.capebatch.rules.Assessment;
import org.capebatch.rules.EntryAssessor;
import org.capebatch.source.StagedEntry;
import org.capebatch.source.StagedEntryReader;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Assembles and assesses a batch of entries (SPEC §2–§4). The ledger (check 13) is looked up once per batch,
 * not once per entry, and only when an earlier run declared anything at all.
 */
public class AssessBatchProcessor implements ItemProcessor<List<StagedEntry>, List<AssessedEntry>> {

    private final EntryAssembler assembler = new EntryAssembler();
    private final EntryAssessor assessor;
    private final LocalDate runDate;
    private final GroupBy groupBy;
    private final JdbcTemplate jdbc;
    private final long runId;
    private Boolean ledgerHasEarlierRuns;

    public AssessBatchProcessor(EntryAssessor assessor, LocalDate runDate, GroupBy groupBy, JdbcTemplate jdbc,
            long runId) {
        this.assessor = assessor;
        this.runDate = runDate;
        this.groupBy = groupBy;
        this.jdbc = jdbc;
        this.runId = runId;
    }

    @Override
    public List<AssessedEntry> process(List<StagedEntry> batch) {
        Set<String> declaredEarlier = declaredEarlier(batch);
        List<AssessedEntry> out = new ArrayList<>(batch.size());
        for (StagedEntry staged : batch) {
            AssembledEntry assembled = assembler.assemble(staged.number(), staged.rows());
            Assessment assessment = assessor.assess(assembled.entry(), runDate,
                    entry -> declaredEarlier.contains(entry.value()));
            String groupKey = assessment.eligible()
                    ? DeclarationGroups.groupKey(groupBy, assessment.importerNumber(), staged.number())
                    : null;
            List<RowError> newRejections = assembled.rejections().stream()
                    .filter(e -> !StagedEntryReader.isImportRejection(e)).toList();
            out.add(new AssessedEntry(assessment, groupKey, newRejections));
        }
        return out;
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
