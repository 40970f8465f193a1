package org.capebatch.output;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Publishes the chunk's rendered files (forced to disk together, then renamed into place)
 * and records them with their hash in the chunk transaction, so a restart knows which are
 * complete. A file published whose record was rolled back is harmless: the restart finds
 * no record (or a different hash) and renders it again, byte for byte.
 */
public class OutputFileWriter implements ItemWriter<List<WrittenFile>> {

    private final OutputFiles outputFiles;

    public OutputFileWriter(OutputFiles outputFiles) {
        this.outputFiles = outputFiles;
    }

    @Override
    public void write(Chunk<? extends List<WrittenFile>> chunk) throws Exception {
        List<WrittenFile> files = new ArrayList<>();
        chunk.forEach(files::addAll);
        try {
            WrittenFile.publishAll(files);
        }
        catch (Exception e) {
            WrittenFile.discardAll(files);
            throw e;
        }
        outputFiles.recordAll(files.stream().map(WrittenFile::file).toList());
    }

}
