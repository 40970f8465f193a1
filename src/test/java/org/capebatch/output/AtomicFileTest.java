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
    void commitAll_WhenSeveralPendingFiles_ThenAllPublishedWithTheirHashes() throws IOException {
        // given: files written but not yet published, as the render step leaves them
        // until its chunk ends
        java.util.List<AtomicFile.Pending> pending = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            AtomicFile.Pending file = AtomicFile.open(dir.resolve("sub/f" + i + ".csv"));
            file.stream().write(("file " + i).getBytes(StandardCharsets.US_ASCII));
            pending.add(file);
        }
        assertThat(dir.resolve("sub/f0.csv")).doesNotExist();

        // when
        AtomicFile.commitAll(pending);

        // then
        for (int i = 0; i < 20; i++) {
            Path target = dir.resolve("sub/f" + i + ".csv");
            assertThat(target).hasContent("file " + i);
            assertThat(pending.get(i).published()).isTrue();
            assertThat(pending.get(i).sha256()).isEqualTo(AtomicFile.sha256(target));
        }
        assertThat(Files.list(dir.resolve("sub"))).hasSize(20);
    }

    @Test
    void commitAll_WhenOneFileWasDiscarded_ThenFailsAndPublishesNone() throws IOException {
        AtomicFile.Pending kept = AtomicFile.open(dir.resolve("a.csv"));
        kept.stream().write('a');
        AtomicFile.Pending discarded = AtomicFile.open(dir.resolve("b.csv"));
        discarded.close();

        assertThatThrownBy(() -> AtomicFile.commitAll(java.util.List.of(kept, discarded)))
            .isInstanceOf(IllegalStateException.class);

        assertThat(dir.resolve("a.csv")).doesNotExist();
        assertThat(dir.resolve("b.csv")).doesNotExist();
        kept.close();
        assertThat(Files.list(dir)).isEmpty();
    }

    @Test
    void sha256_WhenPendingWritten_ThenDigestOfItsBytes() throws IOException {
        try (AtomicFile.Pending file = AtomicFile.open(dir.resolve("abc"))) {
            file.stream().write("abc".getBytes(StandardCharsets.US_ASCII));

            assertThat(file.sha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        }
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
