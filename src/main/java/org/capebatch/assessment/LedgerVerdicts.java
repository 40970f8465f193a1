package org.capebatch.assessment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.capebatch.entry.EntryNumber;
import org.capebatch.rules.LedgerVerdict;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Looks up the ledger's verdict (SPEC §3 checks 13 and 14) for a batch of entries the
 * assess step reads: one query per batch, and none at all while the ledger holds no entry
 * of another run. Only complete declarations count (cape_entry_state holds nothing else),
 * so an entry of a run that failed for good after its declare step is not declared. The
 * current run's own entries are not "declared earlier".
 */
public final class LedgerVerdicts {

    private static final String LOOKUP = """
            SELECT entry_number, state, cbp_error FROM cape_entry_state
             WHERE entry_number = ANY (CAST(? AS CHAR(11)[])) AND run_id <> ?
            """;

    private final JdbcTemplate jdbc;

    private final long runId;

    private Boolean ledgerHasEntries;

    public LedgerVerdicts(JdbcTemplate jdbc, long runId) {
        this.jdbc = jdbc;
        this.runId = runId;
    }

    /**
     * Verdicts of the entries the ledger holds; an entry not in the map is
     * {@link LedgerVerdict#NONE}.
     */
    public Map<String, LedgerVerdict> lookup(List<EntryNumber> entries) {
        if (ledgerHasEntries == null) {
            ledgerHasEntries = Boolean.TRUE.equals(jdbc.queryForObject(
                    "SELECT EXISTS (SELECT 1 FROM cape_entry_state WHERE run_id <> ?)", Boolean.class, runId));
        }
        Map<String, LedgerVerdict> verdicts = new HashMap<>();
        if (!ledgerHasEntries || entries.isEmpty()) {
            return verdicts;
        }
        String[] numbers = entries.stream().map(EntryNumber::value).toArray(String[]::new);
        jdbc.query(con -> {
            var ps = con.prepareStatement(LOOKUP);
            ps.setArray(1, con.createArrayOf("text", numbers));
            ps.setLong(2, runId);
            return ps;
        }, rs -> {
            verdicts.put(rs.getString(1), LedgerVerdict.of(rs.getString(2), rs.getString(3)));
        });
        return verdicts;
    }

}
