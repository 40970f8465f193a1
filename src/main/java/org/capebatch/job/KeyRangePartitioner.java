package org.capebatch.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Splits a run's keys (entry numbers, declaration names) into contiguous ranges of about
 * equal size with SQL {@code ntile}, so every key lands in exactly one partition. The
 * keys no longer change once the step before has completed, so a restart computes the
 * same ranges; readers bind the bounds as parameters.
 */
public class KeyRangePartitioner implements Partitioner {

    public static final String FROM_EXCLUSIVE = "fromExclusive";

    public static final String TO_INCLUSIVE = "toInclusive";

    /** Distinct entry numbers staged by a run. */
    public static final String ENTRY_KEYS = "SELECT DISTINCT entry_number AS key FROM cape_staged_fragment"
            + " WHERE run_id = ?";

    /** Declarations (file stems) of a run. */
    public static final String DECLARATION_KEYS = "SELECT file_stem AS key FROM cape_declaration WHERE run_id = ?";

    private final JdbcTemplate jdbc;

    private final String keysSql;

    private final long runId;

    private final LongConsumer totalKeys;

    public KeyRangePartitioner(JdbcTemplate jdbc, String keysSql, long runId, LongConsumer totalKeys) {
        this.jdbc = jdbc;
        this.keysSql = keysSql;
        this.runId = runId;
        this.totalKeys = totalKeys;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        String sql = "SELECT max(key), count(*) FROM (SELECT key, ntile(?) OVER (ORDER BY key) AS bucket FROM ("
                + keysSql + ") keys) buckets GROUP BY bucket ORDER BY bucket";
        List<String> upperBounds = new ArrayList<>();
        long[] total = { 0 };
        jdbc.query(sql, rs -> {
            upperBounds.add(rs.getString(1));
            total[0] += rs.getLong(2);
        }, Math.max(1, gridSize), runId);
        totalKeys.accept(total[0]);
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        String from = "";
        for (int i = 0; i < upperBounds.size(); i++) {
            partitions.put(String.format("range%03d", i), range(from, upperBounds.get(i)));
            from = upperBounds.get(i);
        }
        if (partitions.isEmpty()) {
            partitions.put("range000", range("", ""));
        }
        return partitions;
    }

    private static ExecutionContext range(String fromExclusive, String toInclusive) {
        ExecutionContext context = new ExecutionContext();
        context.putString(FROM_EXCLUSIVE, fromExclusive);
        context.putString(TO_INCLUSIVE, toInclusive);
        return context;
    }

}
