package org.capebatch.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @TempDir
    Path dir;

    @Test
    void write_WhenNewFile_ThenWrittenInNewDirectoryAndNoTmpLeft() throws IOException {
        Path target = dir.resolve("sub/out.csv");

        AtomicFile.write(target, out -> out.write("hello".getBytes(StandardCharsets.US_ASCII)));

        assertThat(target).hasContent("hello");
        assertThat(Files.list(target.getParent())).containsExactly(target);
    }

    @Test
    void write_WhenOldFileAndLeftoverTmp_ThenReplacedAndTmpGone() throws IOException {
        Path target = dir.resolve("out.csv");
        Files.writeString(target, "old content, longer than the new one");
        Files.writeString(AtomicFile.tmpOf(target), "half-written by a killed run");

        AtomicFile.write(target, out -> out.write("new".getBytes(StandardCharsets.US_ASCII)));

        assertThat(target).hasContent("new");
        assertThat(Files.list(dir)).containsExactly(target);
    }

    @Test
    void write_WhenBodyFails_ThenOldFileKeptAndNoTmp() throws IOException {
        Path target = dir.resolve("out.csv");
        Files.writeString(target, "old");

        assertThatThrownBy(() -> AtomicFile.write(target, out -> {
            out.write("partial".getBytes(StandardCharsets.US_ASCII));
            throw new IOException("disk full");
        })).hasMessage("disk full");

        assertThat(target).hasContent("old");
        assertThat(Files.list(dir)).containsExactly(target);
    }

    @Test
    void open_WhenClosedWithoutCommit_ThenNothingPublished() throws IOException {
        Path target = dir.resolve("out.csv");

        try (AtomicFile.Pending pending = AtomicFile.open(target)) {
            pending.stream().write(1);
            assertThat(AtomicFile.tmpOf(target)).exists();
            assertThat(target).doesNotExist();
        }

        assertThat(Files.list(dir)).isEmpty();
    }

    @Test
    void tmpOf_WhenTarget_ThenHiddenSibling() {
        assertThat(AtomicFile.tmpOf(dir.resolve("a/b.xlsx"))).isEqualTo(dir.resolve("a/.b.xlsx.tmp"));
    }

    @Test
    void sha256_WhenAbc_ThenKnownDigest() throws IOException {
        Path file = dir.resolve("abc");
        Files.writeString(file, "abc");

        assertThat(AtomicFile.sha256(file))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void lineCount_WhenCrlfWithAndWithoutFinalBreak_ThenLines() throws IOException {
        Path file = dir.resolve("f");
        Files.writeString(file, "h\r\na\r\nb\r\n");
        assertThat(AtomicFile.lineCount(file)).isEqualTo(3);
        Files.writeString(file, "h\r\na");
        assertThat(AtomicFile.lineCount(file)).isEqualTo(2);
        Files.writeString(file, "");
        assertThat(AtomicFile.lineCount(file)).isZero();
    }
}
