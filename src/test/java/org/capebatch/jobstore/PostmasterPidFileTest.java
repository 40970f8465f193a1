package org.capebatch.jobstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostmasterPidFileTest {

    @TempDir
    Path dataDirectory;

    @Test
    void read_WhenServerReady_ThenPidPortAndStatus() throws IOException {
        write("4927\n/tmp/data\n1795939262\n37235\n\nlocalhost\n  2146789         4\nready   \n");

        assertThat(PostmasterPidFile.read(dataDirectory)).contains(new PostmasterPidFile(4927, 37235, "ready"));
    }

    @Test
    void read_WhenCutShortAfterPid_ThenPortUnknown() throws IOException {
        write("4927\n/tmp/data\n");

        assertThat(PostmasterPidFile.read(dataDirectory)).contains(new PostmasterPidFile(4927, -1, ""));
    }

    @Test
    void read_WhenEmptyOrGarbage_ThenEmpty() throws IOException {
        write("");
        assertThat(PostmasterPidFile.read(dataDirectory)).isEmpty();

        write("not-a-pid\n");
        assertThat(PostmasterPidFile.read(dataDirectory)).isEmpty();
    }

    @Test
    void read_WhenNoFile_ThenEmpty() throws IOException {
        assertThat(PostmasterPidFile.read(dataDirectory)).isEmpty();
    }

    private void write(String content) throws IOException {
        Files.writeString(dataDirectory.resolve(PostmasterPidFile.NAME), content);
    }

}
