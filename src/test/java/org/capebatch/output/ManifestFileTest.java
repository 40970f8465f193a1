package org.capebatch.output;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestFileTest {

    @TempDir
    Path dir;

    @Test
    void manifestFileOf_WhenOutsideOutputDir_ThenRefused() {
        assertThatThrownBy(() -> ManifestFile.relativePath(dir.resolve("out"), dir.resolve("other/x.csv")))
            .isInstanceOf(IllegalArgumentException.class);
    }

}
