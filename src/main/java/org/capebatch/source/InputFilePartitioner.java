package org.capebatch.source;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** One import partition per input file; file boundaries are the natural restart unit of the import. */
public class InputFilePartitioner implements Partitioner {

    public static final String FILE_INDEX = "fileIndex";
    public static final String FILE_PATH = "filePath";

    private final InputSource input;

    public InputFilePartitioner(InputSource input) {
        this.input = input;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (InputFile file : input.files()) {
            ExecutionContext context = new ExecutionContext();
            context.putInt(FILE_INDEX, file.index());
            context.putString(FILE_PATH, file.path().toString());
            partitions.put(String.format("file%05d", file.index()), context);
        }
        return partitions;
    }
}
