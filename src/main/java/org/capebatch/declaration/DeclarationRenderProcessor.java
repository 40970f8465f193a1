package org.capebatch.declaration;

import java.util.List;
import java.util.function.IntConsumer;

import org.capebatch.report.ManifestFile;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/** The render step's processor: renders one declaration (its CSV and XLSX) and reports progress. */
public class DeclarationRenderProcessor implements ItemProcessor<String, List<ManifestFile>> {

    private final DeclarationRenderer renderer;
    private final IntConsumer progress;

    public DeclarationRenderProcessor(DeclarationRenderer renderer, IntConsumer progress) {
        this.renderer = renderer;
        this.progress = progress;
    }

    @Override
    public List<ManifestFile> process(String fileStem) throws Exception {
        List<ManifestFile> files = renderer.render(fileStem);
        progress.accept(1);
        return files;
    }
}
