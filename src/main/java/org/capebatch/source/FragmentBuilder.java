package org.capebatch.source;

import java.util.ArrayList;
import java.util.List;

import org.capebatch.entry.EntryNumber;
import org.capebatch.entry.Es003Column;
import org.capebatch.entry.Es003Header;
import org.capebatch.entry.Es003RowParser;
import org.capebatch.entry.InvalidValueException;
import org.capebatch.entry.ParsedRow;
import org.capebatch.entry.RowError;
import org.capebatch.entry.RowSource;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Turns a batch of raw rows into fragments: cells reordered to {@link Es003Column} order
 * and consecutive rows of one entry kept together. Only the entry number is checked here;
 * the full row parse happens once, in the assess step, which runs in parallel partitions.
 */
public class FragmentBuilder implements ItemProcessor<RawBatch, ImportBatch> {

    private static final Es003Column[] COLUMNS = Es003Column.values();

    private final Es003RowParser parser = new Es003RowParser();

    @Override
    public ImportBatch process(RawBatch batch) {
        Es003Header header = batch.header();
        List<RowFragment> fragments = new ArrayList<>();
        List<ParsedRow> rejected = new ArrayList<>();
        RowFragment current = null;
        for (RawRow row : batch.rows()) {
            RowSource source = new RowSource(batch.file().name(), row.line());
            RowError shortRow = header.shortRow(source, row.cells());
            EntryNumber entry;
            try {
                entry = EntryNumber.parse(header.value(row.cells(), Es003Column.ENTRY_SUMMARY_NUMBER));
            }
            catch (InvalidValueException e) {
                rejected.add(withShortRow(parser.parse(source, header, row.cells()), shortRow));
                current = null;
                continue;
            }
            if (current == null || !current.entry().equals(entry)) {
                current = new RowFragment(entry, batch.file().index(), new ArrayList<>(4));
                fragments.add(current);
            }
            String[] cells = canonical(header, row.cells());
            current.rows()
                .add(shortRow == null ? new StagedRow(row.line(), cells)
                        : new StagedRow(row.line(), cells, shortRow.column(), shortRow.message()));
        }
        return new ImportBatch(batch.part(), fragments, rejected, batch.rows().size());
    }

    /**
     * A row without an entry number that is also short: both problems listed, the short
     * row first.
     */
    private static ParsedRow withShortRow(ParsedRow parsed, RowError shortRow) {
        if (shortRow == null) {
            return parsed;
        }
        List<RowError> errors = new ArrayList<>(parsed.errors().size() + 1);
        errors.add(shortRow);
        errors.addAll(parsed.errors());
        return new ParsedRow(parsed.source(), null, null, errors);
    }

    private static String[] canonical(Es003Header header, String[] cells) {
        String[] out = new String[COLUMNS.length];
        for (int i = 0; i < COLUMNS.length; i++) {
            out[i] = header.value(cells, COLUMNS[i]);
        }
        return out;
    }

}
