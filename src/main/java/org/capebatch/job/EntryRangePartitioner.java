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
 * Splits a run's entries into contiguous entry-number ranges of about equal size (SQL {@code ntile}), so that
 * every entry, with all its rows, lands in exactly one partition. Bounds are bound as parameters by the reader.
 * The staged data no longer changes once import completed, so a restart computes the same ranges.
 */
public class EntryRangePartitioner implements Partitioner {

    public static final String FROM_EXCLUSIVE = "fromExclusive";
    public static final String TO_INCLUSIVE = "toInclusive";

    private static final String SQL = """
            SELECT max(entry_number), count(*) FROM (
                SELECT entry_number, ntile(?) OVER (ORDER BY entry_number) AS bucket
                  FROM (SELECT DISTINCT entry_number FROM cape_staged_row WHERE run_id = ?) entries
            ) buckets GROUP BY bucket ORDER BY bucket
            """;

    private final JdbcTemplate jdbc;
    private final long runId;
    private final LongConsumer totalEntries;

    public EntryRangePartitioner(JdbcTemplate jdbc, long runId, LongConsumer totalEntries) {
        this.jdbc = jdbc;
        this.runId = runId;
        this.totalEntries = totalEntries;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        // Fresh statistics after the bulk load, so the planner uses the index for each partition's range scan.
        jdbc.execute("ANALYZE cape_staged_row");
        List<String> upperBounds = new ArrayList<>();
        long[] total = {0};
        jdbc.query(SQL, rs -> {
            upperBounds.add(rs.getString(1));
            total[0] += rs.getLong(2);
        }, Math.max(1, gridSize), runId);
        totalEntries.accept(total[0]);
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        String from = "";
        for (int i = 0; i < upperBounds.size(); i++) {
            ExecutionContext context = new ExecutionContext();
            context.putString(FROM_EXCLUSIVE, from);
            context.putString(TO_INCLUSIVE, upperBounds.get(i));
            partitions.put(String.format("range%03d", i), context);
            from = upperBounds.get(i);
        }
        if (partitions.isEmpty()) {
            ExecutionContext context = new ExecutionContext();
            context.putString(FROM_EXCLUSIVE, "");
            context.putString(TO_INCLUSIVE, "");
            partitions.put("range000", context);
        }
        return partitions;
    }
}
