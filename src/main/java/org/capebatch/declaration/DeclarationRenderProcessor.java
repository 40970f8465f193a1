package org.capebatch.declaration;

import java.util.List;

import org.capebatch.output.WrittenFile;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * The render step's processor: renders one declaration (its CSV and XLSX) unless both
 * files are already on disk with the hashes recorded when they were rendered, so a
 * restarted step re-renders exactly the files that are missing or differ (DESIGN.md),
 * whatever the reader's position was.
 */
public class DeclarationRenderProcessor implements ItemProcessor<String, List<WrittenFile>> {

    private final DeclarationRenderer renderer;

    public DeclarationRenderProcessor(DeclarationRenderer renderer) {
        this.renderer = renderer;
    }

    @Override
    public List<WrittenFile> process(String fileStem) throws Exception {
        return renderer.renderIfChanged(fileStem);
    }

}
