package org.capebatch.source;

import java.util.ArrayList;
import java.util.List;

import org.capebatch.entry.Es003RowParser;
import org.capebatch.entry.ParsedRow;
import org.capebatch.entry.RowSource;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Parses a batch of raw rows into typed rows or row errors (SPEC §2); never drops a row. */
public class RawBatchParser implements ItemProcessor<RawBatch, ParsedBatch> {

    private final Es003RowParser parser = new Es003RowParser();

    @Override
    public ParsedBatch process(RawBatch batch) {
        List<ParsedRow> parsed = new ArrayList<>(batch.rows().size());
        String fileName = batch.file().name();
        for (RawRow row : batch.rows()) {
            parsed.add(parser.parse(new RowSource(fileName, row.line()), batch.header(), row.cells()));
        }
        return new ParsedBatch(batch.file(), parsed);
    }
}
