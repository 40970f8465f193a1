package org.capebatch.output;

import java.util.List;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Records rendered files with their hash in the chunk transaction, so a restart knows which are complete. */
public class OutputFileWriter implements ItemWriter<List<ManifestFile>> {

    private final OutputFiles outputFiles;

    public OutputFileWriter(OutputFiles outputFiles) {
        this.outputFiles = outputFiles;
    }

    @Override
    public void write(Chunk<? extends List<ManifestFile>> chunk) {
        chunk.forEach(files -> files.forEach(outputFiles::record));
    }
}
