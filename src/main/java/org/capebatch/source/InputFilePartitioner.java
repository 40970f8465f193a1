package org.capebatch.source;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * One import partition per input file, or per byte range of a large CSV file
 * (source.CsvSplitter); each partition is its own restart unit. The split depends only on
 * the file, so a restart computes the same partitions.
 */
public class InputFilePartitioner implements Partitioner {

    public static final String FILE_INDEX = "fileIndex";

    public static final String FILE_PATH = "filePath";

    public static final String PART = "part";

    public static final String RANGE_START = "rangeStart";

    public static final String RANGE_END = "rangeEnd";

    public static final String FIRST_LINE = "firstLine";

    private final InputSource input;

    public InputFilePartitioner(InputSource input) {
        this.input = input;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (InputPart part : input.parts()) {
            ExecutionContext context = new ExecutionContext();
            context.putInt(FILE_INDEX, part.file().index());
            context.putString(FILE_PATH, part.file().path().toString());
            context.putInt(PART, part.part());
            context.putLong(RANGE_START, part.range().start());
            context.putLong(RANGE_END, part.range().end());
            context.putLong(FIRST_LINE, part.range().firstLine());
            partitions.put(String.format("file%05d.%03d", part.file().index(), part.part()), context);
        }
        return partitions;
    }

}
